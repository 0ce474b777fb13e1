package io.pluresdb.driver.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.pluresdb.jdbc.LiveChange;
import io.pluresdb.jdbc.LiveListener;
import io.pluresdb.jdbc.PluresConnection;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Live queries through the driver: SUBSCRIBE result sets, listeners and the publisher. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class LiveQueryTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  private String url;
  private Connection c;
  private Connection writer;

  @BeforeEach
  void open() throws SQLException {
    url = Db.freshMemoryUrl();
    c = Db.connect(url);
    writer = Db.connect(url);
    Db.createAlbums(c);
    Db.exec(c, "INSERT INTO album (id, name, year, artist_id) VALUES (1, 'Old', 1999, 7)");
  }

  @AfterEach
  void close() throws SQLException {
    writer.close();
    c.close();
  }

  private static String row(ResultSet rs) throws SQLException {
    return rs.getLong("id") + "|" + rs.getString("name") + "|" + rs.getString("_change");
  }

  @Test
  void subscribeStreamsInitialRowsThenChangesThroughExecuteQuery() throws SQLException {
    Db.exec(writer, "INSERT INTO album (id, name, year) VALUES (2, 'Kept', 2004)");
    try (Statement s = c.createStatement();
        ResultSet live =
            s.executeQuery(
                "SUBSCRIBE SELECT id, name, year FROM album WHERE year > 2000"
                    + " ORDER BY year DESC LIMIT 20")) {
      assertThat(live.getMetaData().getColumnCount()).isEqualTo(5);
      assertThat(live.getMetaData().getColumnLabel(4)).isEqualTo("_change");
      assertThat(live.next()).isTrue();
      assertThat(row(live)).isEqualTo("2|Kept|INITIAL");
      long initial = live.getLong("_version");
      Db.exec(writer, "INSERT INTO album (id, name, year) VALUES (3, 'Newer', 2010)");
      assertThat(live.next()).isTrue();
      assertThat(row(live)).isEqualTo("3|Newer|INSERT");
      assertThat(live.getLong("_version")).isGreaterThan(initial);
      Db.exec(writer, "UPDATE album SET name = 'Kept!' WHERE id = 2");
      assertThat(live.next()).isTrue();
      assertThat(row(live)).isEqualTo("2|Kept!|UPDATE");
      Db.exec(writer, "DELETE FROM album WHERE id = 3");
      assertThat(live.next()).isTrue();
      assertThat(row(live)).isEqualTo("3|Newer|DELETE");
    }
  }

  @Test
  void aPreparedSubscribeTakesParameters() throws SQLException {
    try (java.sql.PreparedStatement p =
        c.prepareStatement("SUBSCRIBE SELECT id, name FROM album WHERE artist_id = ?")) {
      assertThat(p.getParameterMetaData().getParameterCount()).isEqualTo(1);
      p.setLong(1, 7);
      ResultSet live = p.executeQuery();
      assertThat(live.next()).isTrue();
      assertThat(row(live)).isEqualTo("1|Old|INITIAL");
      Db.exec(writer, "INSERT INTO album (id, name, artist_id) VALUES (5, 'Five', 8)");
      Db.exec(writer, "INSERT INTO album (id, name, artist_id) VALUES (6, 'Six', 7)");
      assertThat(live.next()).isTrue();
      assertThat(row(live)).isEqualTo("6|Six|INSERT");
    }
  }

  @Test
  void cancelEndsABlockedNextWith57014() throws Exception {
    Statement s = c.createStatement();
    ResultSet live = s.executeQuery("SUBSCRIBE SELECT id, name FROM album WHERE year > 3000");
    CompletableFuture<Boolean> next =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return live.next();
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
            });
    s.cancel();
    assertThat(next)
        .failsWithin(WAIT)
        .withThrowableThat()
        .havingRootCause()
        .isInstanceOf(SQLTimeoutException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("57014"));
    s.close();
  }

  @Test
  void queryTimeoutBoundsEachWaitForAChange() throws SQLException {
    try (Statement s = c.createStatement()) {
      s.setQueryTimeout(1);
      ResultSet live = s.executeQuery("SUBSCRIBE SELECT id, name FROM album WHERE year > 3000");
      assertThatThrownBy(live::next)
          .isInstanceOf(SQLTimeoutException.class)
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("57014");
    }
  }

  @Test
  void sqlErrorsAreOrdinarySqlExceptionsAtExecuteQuery() throws SQLException {
    try (Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeQuery("SUBSCRIBE SELECT nope FROM album"))
          .isInstanceOf(SQLSyntaxErrorException.class)
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("42703");
    }
  }

  /** Collects what a listener receives. */
  private static class Collector implements LiveListener {
    final List<LiveChange> changes = new CopyOnWriteArrayList<>();
    final CompletableFuture<SQLException> end = new CompletableFuture<>();

    @Override
    public void onChanges(List<LiveChange> batch) {
      changes.addAll(batch);
    }

    @Override
    public void onEnd(SQLException cause) {
      end.complete(cause);
    }

    List<String> seen() {
      List<String> out = new ArrayList<>();
      for (LiveChange ch : changes) {
        out.add(ch.get("id") + "|" + ch.get("name") + "|" + ch.kind());
      }
      return out;
    }
  }

  @Test
  void listenerReceivesChangesAfterCommitAndAnEndWhenClosed() throws Exception {
    Collector got = new Collector();
    AutoCloseable sub =
        c.unwrap(PluresConnection.class)
            .subscribe("SELECT * FROM album WHERE artist_id = ?", List.of(7), got);
    await().atMost(WAIT).until(() -> got.seen().equals(List.of("1|Old|INITIAL")));
    writer.setAutoCommit(false);
    Db.exec(writer, "INSERT INTO album (id, name, artist_id) VALUES (2, 'Two', 7)");
    Db.exec(writer, "INSERT INTO album (id, name, artist_id) VALUES (3, 'Three', 8)");
    writer.commit();
    await().atMost(WAIT).until(() -> got.seen().size() == 2);
    assertThat(got.seen()).containsExactly("1|Old|INITIAL", "2|Two|INSERT");
    assertThat(got.changes.get(1).get("released")).isNull();
    assertThat(got.changes.get(1).version()).isGreaterThan(got.changes.get(0).version());
    sub.close();
    assertThat(got.end).succeedsWithin(WAIT).isNull();
  }

  @Test
  void closingTheConnectionEndsItsListenersWith08003() throws Exception {
    Collector got = new Collector();
    c.unwrap(PluresConnection.class).subscribe("SELECT id, name FROM album", List.of(), got);
    c.close();
    assertThat(got.end)
        .succeedsWithin(WAIT)
        .satisfies(e -> assertThat(e.getSQLState()).isEqualTo("08003"));
  }

  @Test
  void aSlowListenerGetsResetAndTheCurrentResultNotEveryChange() throws Exception {
    try (Connection small = Db.connect(url + "?live_buffer=2")) {
      CountDownLatch release = new CountDownLatch(1);
      Collector got =
          new Collector() {
            @Override
            public void onChanges(List<LiveChange> batch) {
              super.onChanges(batch);
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
          };
      small
          .unwrap(PluresConnection.class)
          .subscribe("SELECT id, name FROM album ORDER BY id", List.of(), got);
      await().atMost(WAIT).until(() -> got.changes.size() == 1); // blocked in its first call
      for (int i = 2; i <= 12; i++) {
        Db.exec(writer, "INSERT INTO album (id, name) VALUES (" + i + ", 'n" + i + "')");
      }
      release.countDown();
      // Replaying what the listener got gives the current result, though it missed changes.
      await().atMost(WAIT).until(() -> replay(got.changes).size() == 12);
      assertThat(got.seen()).contains("null|null|RESET");
      // The overflow dropped the INSERTs it had buffered (the RESET and snapshot replace them), so
      // fewer than the 11 INSERTs arrive one by one; how many depends on when the overflow came.
      assertThat(got.changes.stream().filter(ch -> ch.kind() == LiveChange.Kind.INSERT).count())
          .isLessThan(11);
      assertThat(replay(got.changes).keySet())
          .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
    }
  }

  /** The result a subscriber holds after applying the changes in order, by id. */
  private static java.util.Map<Object, String> replay(List<LiveChange> changes) {
    java.util.Map<Object, String> rows = new java.util.TreeMap<>();
    for (LiveChange ch : changes) {
      switch (ch.kind()) {
        case RESET -> rows.clear();
        case DELETE -> rows.remove(ch.get("id"));
        default -> rows.put(ch.get("id"), String.valueOf(ch.get("name")));
      }
    }
    return rows;
  }

  @Test
  void publisherDeliversOnlyWhatIsRequested() throws Exception {
    Flow.Publisher<LiveChange> pub =
        c.unwrap(PluresConnection.class).publisher("SELECT id, name FROM album", List.of());
    List<String> got = new CopyOnWriteArrayList<>();
    AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
    CompletableFuture<Void> completed = new CompletableFuture<>();
    pub.subscribe(
        new Flow.Subscriber<LiveChange>() {
          @Override
          public void onSubscribe(Flow.Subscription s) {
            subscription.set(s);
            s.request(1);
          }

          @Override
          public void onNext(LiveChange item) {
            got.add(item.get("id") + "|" + item.kind());
          }

          @Override
          public void onError(Throwable t) {
            completed.completeExceptionally(t);
          }

          @Override
          public void onComplete() {
            completed.complete(null);
          }
        });
    await().atMost(WAIT).until(() -> got.equals(List.of("1|INITIAL")));
    Db.exec(writer, "INSERT INTO album (id, name) VALUES (2, 'Two')");
    Db.exec(writer, "INSERT INTO album (id, name) VALUES (3, 'Three')");
    subscription.get().request(1);
    await().atMost(WAIT).until(() -> got.size() == 2);
    assertThat(got).containsExactly("1|INITIAL", "2|INSERT"); // one requested, one delivered
    subscription.get().request(Long.MAX_VALUE);
    await().atMost(WAIT).until(() -> got.size() == 3);
    assertThat(got.get(2)).isEqualTo("3|INSERT");
    subscription.get().cancel();
    assertThat(completed).isNotDone();
  }

  @Test
  void publisherReportsBadSqlAtOnce() {
    assertThatThrownBy(
            () -> c.unwrap(PluresConnection.class).publisher("SELECT * FROM nowhere", List.of()))
        .isInstanceOf(SQLSyntaxErrorException.class);
  }
}
