package io.pluresdb.bench;

import io.pluresdb.jdbc.LiveChange;
import io.pluresdb.jdbc.PluresConnection;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * A database with {@code n} live subscriptions {@code SELECT id, name FROM album WHERE artist_id =
 * ?} (one per artist id 0..n-1) and a writer whose every insert lands in exactly one of them, so
 * each write is delivered once.
 *
 * <p>Not thread-safe, except the delivery semaphore, which listeners release on delivery threads.
 */
final class LiveFixture implements AutoCloseable {
  private final Path dir = Fixture.tempDir("bench-live");
  private final Connection connection;
  private final PreparedStatement insert;
  private final List<AutoCloseable> subscriptions = new ArrayList<>();
  private final Semaphore delivered = new Semaphore(0);
  private final int artists;
  private long nextId;
  private int expected;

  LiveFixture(int subscriptions) throws SQLException {
    connection = Target.PLURESDB.open(dir.resolve("live.db"));
    Fixture.createSchema(Target.PLURESDB, connection);
    PluresConnection live = connection.unwrap(PluresConnection.class);
    for (int i = 0; i < subscriptions; i++) {
      this.subscriptions.add(
          live.subscribe(
              "SELECT id, name FROM album WHERE artist_id = ?",
              List.of(i),
              changes -> {
                for (LiveChange c : changes) {
                  if (c.kind() == LiveChange.Kind.INSERT) {
                    delivered.release();
                  }
                }
              }));
    }
    this.artists = Math.max(subscriptions, 1);
    insert = connection.prepareStatement("INSERT INTO album VALUES (?, ?, ?, ?)");
  }

  /** Inserts one album in its own transaction; with subscriptions, one of them will see it. */
  void insertOne(boolean delivered) throws SQLException {
    long id = nextId++;
    insert.setLong(1, id);
    insert.setString(2, "album " + id);
    insert.setInt(3, 1960 + (int) (id % 60));
    insert.setLong(4, id % artists);
    insert.executeUpdate();
    if (delivered) {
      expected++;
    }
  }

  /**
   * Waits (parked, not spinning: the machine has few cores) until every insert so far has reached
   * its subscriber.
   */
  void awaitDelivery() throws InterruptedException {
    delivered.acquire(expected);
    expected = 0;
  }

  @Override
  public void close() throws Exception {
    for (AutoCloseable s : subscriptions) {
      s.close();
    }
    insert.close();
    connection.close();
    Fixture.deleteTree(dir);
  }
}
