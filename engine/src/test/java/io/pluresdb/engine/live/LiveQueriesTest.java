package io.pluresdb.engine.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.pluresdb.engine.api.Cursor;
import io.pluresdb.engine.api.Result;
import io.pluresdb.engine.api.Session;
import io.pluresdb.engine.support.Db;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 180, unit = TimeUnit.SECONDS)
class LiveQueriesTest {
  @TempDir Path dir;
  private Db db;
  private AutoCloseable reactor;

  @BeforeEach
  void open() throws SQLException {
    db = Db.open(dir);
    reactor = db.planner().live().start();
    db.update(
        "CREATE TABLE album (id BIGINT PRIMARY KEY, name VARCHAR(100), year INTEGER,"
            + " artist_id BIGINT)");
  }

  @AfterEach
  void close() throws Exception {
    reactor.close();
    db.close();
  }

  private Cursor subscribe(String sql, Object... params) throws SQLException {
    return subscribe(db.session(), 0, sql, params);
  }

  private static Cursor subscribe(Session s, int timeout, String sql, Object... params)
      throws SQLException {
    Result r = s.execute(s.prepare(sql), List.of(params), null, timeout, 0);
    return ((Result.Rows) r).cursor();
  }

  /** The next {@code n} rows, each as its values joined by '|'. */
  private static List<String> next(Cursor c, int n) throws SQLException {
    List<String> out = new ArrayList<>();
    int width = c.columns().size();
    for (int i = 0; i < n; i++) {
      assertThat(c.next()).isTrue();
      StringJoiner j = new StringJoiner("|");
      for (int col = 1; col <= width - 1; col++) { // _version checked apart
        j.add(Db.text(c.get(col)));
      }
      out.add(j.toString());
    }
    return out;
  }

  @Test
  void initialRowsThenEveryChangeRelativeToTheResult() throws SQLException {
    db.update("INSERT INTO album VALUES (1, 'Old', 1990, 1), (2, 'New', 2005, 1)");
    try (Cursor c = subscribe("SUBSCRIBE SELECT id, name, year FROM album WHERE year > 2000")) {
      assertThat(c.columns())
          .extracting(m -> m.label())
          .containsExactly("id", "name", "year", "_change", "_version");
      assertThat(next(c, 1)).containsExactly("2|New|2005|INITIAL");
      db.update("INSERT INTO album VALUES (3, 'Fresh', 2010, 2)");
      assertThat(next(c, 1)).containsExactly("3|Fresh|2010|INSERT");
      db.update("UPDATE album SET name = 'Renamed' WHERE id = 3");
      assertThat(next(c, 1)).containsExactly("3|Renamed|2010|UPDATE");
      db.update("UPDATE album SET year = 1980 WHERE id = 2"); // leaves the result
      assertThat(next(c, 1)).containsExactly("2|New|2005|DELETE");
      db.update("UPDATE album SET year = 1985 WHERE id = 1"); // outside before and after
      db.update("UPDATE album SET year = 2001 WHERE id = 1"); // enters
      assertThat(next(c, 1)).containsExactly("1|Old|2001|INSERT");
      db.update("DELETE FROM album WHERE id = 3");
      assertThat(next(c, 1)).containsExactly("3|Renamed|2010|DELETE");
    }
  }

  @Test
  void versionsAreLogPositionsThatNeverDecrease() throws SQLException {
    try (Cursor c = subscribe("SUBSCRIBE SELECT id FROM album")) {
      long last = 0;
      for (int i = 1; i <= 3; i++) {
        db.update("INSERT INTO album (id) VALUES (?)", i);
        assertThat(c.next()).isTrue();
        long version = (Long) c.get(3);
        assertThat(version).isGreaterThan(last).isEqualTo(db.store().lastSeq());
        last = version;
      }
    }
  }

  @Test
  void aSingleTableSubscriptionSeesEveryCommitEvenWhenItReadsLate() throws SQLException {
    try (Cursor c = subscribe("SUBSCRIBE SELECT id, name FROM album WHERE year > 2000")) {
      db.update("INSERT INTO album VALUES (1, 'a', 2001, 1)");
      db.update("UPDATE album SET name = 'b' WHERE id = 1");
      db.update("UPDATE album SET year = 1999 WHERE id = 1");
      db.update("UPDATE album SET year = 2002, name = 'c' WHERE id = 1");
      db.update("DELETE FROM album WHERE id = 1");
      assertThat(next(c, 5))
          .containsExactly("1|a|INSERT", "1|b|UPDATE", "1|b|DELETE", "1|c|INSERT", "1|c|DELETE");
    }
  }

  @Test
  void limitWindowStaysFilledWhenARowLeaves() throws SQLException {
    db.update("INSERT INTO album VALUES (1, 'a', 2001, 1), (2, 'b', 2002, 1), (3, 'c', 2003, 1)");
    try (Cursor c = subscribe("SUBSCRIBE SELECT id, year FROM album ORDER BY year DESC LIMIT 2")) {
      assertThat(next(c, 2)).containsExactly("3|2003|INITIAL", "2|2002|INITIAL");
      db.update("DELETE FROM album WHERE id = 3");
      assertThat(next(c, 2)).containsExactly("3|2003|DELETE", "1|2001|INSERT");
      db.update("INSERT INTO album VALUES (4, 'd', 2010, 1)");
      assertThat(next(c, 2)).containsExactly("1|2001|DELETE", "4|2010|INSERT");
    }
  }

  @Test
  void parametersSelectTheRows() throws SQLException {
    try (Cursor c = subscribe("SUBSCRIBE SELECT id, name FROM album WHERE artist_id = ?", 7)) {
      db.update("INSERT INTO album VALUES (1, 'other', 2000, 8)");
      db.update("INSERT INTO album VALUES (2, 'mine', 2000, 7)");
      assertThat(next(c, 1)).containsExactly("2|mine|INSERT");
      db.update("UPDATE album SET artist_id = 7 WHERE id = 1");
      assertThat(next(c, 1)).containsExactly("1|other|INSERT");
      db.update("UPDATE album SET artist_id = 9 WHERE id = 2");
      assertThat(next(c, 1)).containsExactly("2|mine|DELETE");
    }
  }

  @Test
  void joinsAndAggregatesAreReEvaluated() throws SQLException {
    db.update("CREATE TABLE artist (id BIGINT PRIMARY KEY, name VARCHAR(50))");
    db.update("INSERT INTO artist VALUES (1, 'Nina'), (2, 'Miles')");
    db.update("INSERT INTO album VALUES (1, 'a', 2001, 1)");
    try (Cursor counts =
            subscribe(
                "SUBSCRIBE SELECT r.name, COUNT(*) FROM album a JOIN artist r"
                    + " ON a.artist_id = r.id GROUP BY r.name");
        Cursor total = subscribe("SUBSCRIBE SELECT COUNT(*) FROM album")) {
      assertThat(next(counts, 1)).containsExactly("Nina|1|INITIAL");
      assertThat(next(total, 1)).containsExactly("1|INITIAL");
      db.update("INSERT INTO album VALUES (2, 'b', 2002, 1)");
      assertThat(next(counts, 1)).containsExactly("Nina|2|UPDATE");
      assertThat(next(total, 1)).containsExactly("2|UPDATE");
      db.update("INSERT INTO album VALUES (3, 'c', 2003, 2)");
      assertThat(next(counts, 1)).containsExactly("Miles|1|INSERT");
      db.update("UPDATE artist SET name = 'Simone' WHERE id = 1");
      assertThat(next(counts, 2)).containsExactly("Nina|2|DELETE", "Simone|2|INSERT");
    }
  }

  @Test
  void nextFailsWith57014WhenTheQueryTimeoutPasses() throws SQLException {
    try (Cursor c = subscribe(db.session(), 1, "SUBSCRIBE SELECT id FROM album")) {
      assertThatThrownBy(c::next)
          .isInstanceOf(SQLTimeoutException.class)
          .hasMessageContaining("timeout")
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("57014");
      db.update("INSERT INTO album (id) VALUES (5)"); // still subscribed after a timeout
      assertThat(next(c, 1)).containsExactly("5|INSERT");
    }
  }

  @Test
  void cancelFromAnotherThreadEndsABlockedNext() throws Exception {
    Cursor c = subscribe("SUBSCRIBE SELECT id FROM album");
    CompletableFuture<Boolean> blocked =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return c.next();
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
            });
    c.cancel();
    assertThat(blocked)
        .failsWithin(Duration.ofSeconds(60))
        .withThrowableThat()
        .havingRootCause()
        .isInstanceOf(SQLTimeoutException.class)
        .withMessageContaining("user request");
    await().atMost(Duration.ofSeconds(60)).until(() -> db.planner().live().subscriptions() == 0);
  }

  @Test
  void slowConsumerGetsResetAndAFreshSnapshot() throws SQLException {
    db.session().setLiveBuffer(3);
    try (Cursor c = subscribe("SUBSCRIBE SELECT id FROM album ORDER BY id")) {
      for (int i = 1; i <= 10; i++) {
        db.update("INSERT INTO album (id) VALUES (?)", i);
      }
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> db.planner().live().processedSeq() == db.store().lastSeq());
      List<String> rows = next(c, 11);
      assertThat(rows.get(0)).isEqualTo("NULL|RESET");
      assertThat(rows.subList(1, 11))
          .containsExactly(
              "1|INITIAL",
              "2|INITIAL",
              "3|INITIAL",
              "4|INITIAL",
              "5|INITIAL",
              "6|INITIAL",
              "7|INITIAL",
              "8|INITIAL",
              "9|INITIAL",
              "10|INITIAL");
      db.update("INSERT INTO album (id) VALUES (11)"); // after the reset, changes as usual
      assertThat(next(c, 1)).containsExactly("11|INSERT");
    }
  }

  @Test
  void thousandsOfSubscriptionsCostOnlyThoseAWriteCanAffect() throws SQLException {
    int n = 3_000;
    List<Cursor> cursors = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      cursors.add(subscribe("SUBSCRIBE SELECT id, name FROM album WHERE artist_id = ?", i));
    }
    try {
      long before = db.planner().live().evaluations();
      db.update("INSERT INTO album VALUES (1, 'one', 2000, 1234)");
      assertThat(next(cursors.get(1234), 1)).containsExactly("1|one|INSERT");
      db.update("UPDATE album SET artist_id = 42 WHERE id = 1");
      assertThat(next(cursors.get(1234), 1)).containsExactly("1|one|DELETE");
      assertThat(next(cursors.get(42), 1)).containsExactly("1|one|INSERT");
      // One evaluation for the insert; the update reaches the old result and the new match.
      assertThat(db.planner().live().evaluations() - before).isEqualTo(3);
      for (int i = 0; i < n; i++) {
        if (i != 42 && i != 1234) {
          assertThat(((LiveCursor) cursors.get(i)).bufferedForTest()).isZero();
        }
      }
    } finally {
      for (Cursor c : cursors) {
        c.close();
      }
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> db.planner().live().subscriptions() == 0);
  }

  @Test
  void changesAppliedFromAnotherNodeReachSubscriptions(@TempDir Path other) throws Exception {
    try (Db a = Db.open(other)) {
      a.update("CREATE TABLE song (id BIGINT PRIMARY KEY, title VARCHAR(50))");
      db.store().applyRemote(a.store().logRecords());
      try (Cursor c = subscribe("SUBSCRIBE SELECT id, title FROM song")) {
        a.update("INSERT INTO song VALUES (1, 'Sinnerman')");
        a.update("UPDATE song SET title = 'Sinnerman (live)' WHERE id = 1");
        db.store().applyRemote(a.store().logRecords());
        a.update("DELETE FROM song WHERE id = 1");
        db.store().applyRemote(a.store().logRecords());
        // Each remote transaction's own effect, in commit order, though all arrived at once.
        assertThat(next(c, 3))
            .containsExactly(
                "1|Sinnerman|INSERT", "1|Sinnerman (live)|UPDATE", "1|Sinnerman (live)|DELETE");
      }
    }
  }

  @Test
  void sqlErrorsFailAtExecute() {
    assertThatThrownBy(() -> subscribe("SUBSCRIBE SELECT * FROM nowhere"))
        .isInstanceOf(SQLException.class)
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("42P01");
  }

  @Test
  void closingTheSessionEndsItsSubscriptionsWithAConnectionError() throws SQLException {
    Session other = db.planner().openSession();
    Cursor c = subscribe(other, 0, "SUBSCRIBE SELECT id FROM album");
    other.close();
    assertThatThrownBy(c::next)
        .isInstanceOf(SQLException.class)
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("08003");
  }

  @Test
  void stoppingTheReactorEndsEverySubscription() throws Exception {
    Cursor c = subscribe("SUBSCRIBE SELECT id FROM album");
    reactor.close();
    assertThatThrownBy(c::next)
        .isInstanceOf(SQLException.class)
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("08003");
    reactor = () -> {};
  }
}
