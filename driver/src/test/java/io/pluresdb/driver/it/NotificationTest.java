package io.pluresdb.driver.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pluresdb.jdbc.PluresConnection;
import io.pluresdb.jdbc.PluresNotification;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** LISTEN, UNLISTEN and NOTIFY with pgjdbc's semantics. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class NotificationTest {
  private Connection listener;
  private Connection sender;
  private PluresConnection inbox;

  @BeforeEach
  void open() throws SQLException {
    String url = Db.freshMemoryUrl();
    listener = Db.connect(url);
    sender = Db.connect(url);
    inbox = listener.unwrap(PluresConnection.class);
    Db.exec(listener, "LISTEN album_events");
  }

  @AfterEach
  void close() throws SQLException {
    sender.close();
    listener.close();
  }

  private static List<String> texts(PluresNotification[] ns) {
    return Arrays.stream(ns).map(n -> n.getName() + ":" + n.getParameter()).toList();
  }

  @Test
  void aNotificationReachesAListenerOnAnotherConnection() throws SQLException {
    Db.exec(sender, "NOTIFY album_events, 'reindex'");
    PluresNotification[] got = inbox.getNotifications(1000);
    assertThat(texts(got)).containsExactly("album_events:reindex");
    assertThat(got[0].getNodeId()).isEqualTo(inbox.nodeId());
    assertThat(got[0].getPID()).isPositive();
    assertThat(inbox.getNotifications()).isEmpty(); // read once
  }

  @Test
  void insideATransactionNotificationsWaitForCommitAndIdenticalOnesFold() throws SQLException {
    sender.setAutoCommit(false);
    Db.exec(
        sender,
        "NOTIFY album_events, 'a'",
        "NOTIFY album_events, 'a'",
        "NOTIFY album_events, 'b'",
        "NOTIFY album_events");
    assertThat(inbox.getNotifications()).isEmpty();
    sender.commit();
    assertThat(texts(inbox.getNotifications()))
        .containsExactly("album_events:a", "album_events:b", "album_events:");
  }

  @Test
  void rollbackDropsTheTransactionsNotifications() throws SQLException {
    sender.setAutoCommit(false);
    Db.exec(sender, "NOTIFY album_events, 'lost'");
    sender.rollback();
    Db.exec(sender, "NOTIFY album_events, 'kept'");
    sender.commit();
    assertThat(texts(inbox.getNotifications())).containsExactly("album_events:kept");
  }

  @Test
  void aConnectionReceivesItsOwnNotificationsOnlyOnChannelsItListensTo() throws SQLException {
    Db.exec(listener, "NOTIFY album_events, 'mine'", "NOTIFY other_channel, 'not mine'");
    assertThat(texts(inbox.getNotifications())).containsExactly("album_events:mine");
    Db.exec(listener, "UNLISTEN album_events", "NOTIFY album_events, 'after'");
    assertThat(inbox.getNotifications()).isEmpty();
    Db.exec(listener, "LISTEN a", "LISTEN b", "UNLISTEN *", "NOTIFY a", "NOTIFY b");
    assertThat(inbox.getNotifications()).isEmpty();
  }

  @Test
  void zeroTimeoutBlocksUntilANotificationArrives() throws Exception {
    CompletableFuture<PluresNotification[]> waiting =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return inbox.getNotifications(0);
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
            });
    Db.exec(sender, "NOTIFY album_events, 'wake'");
    assertThat(waiting)
        .succeedsWithin(Duration.ofSeconds(60))
        .satisfies(ns -> assertThat(texts(ns)).containsExactly("album_events:wake"));
  }

  @Test
  void aPositiveTimeoutReturnsEmptyWhenNothingCame() throws SQLException {
    assertThat(inbox.getNotifications(50)).isEmpty();
    assertThatThrownBy(() -> inbox.getNotifications(-1))
        .isInstanceOf(SQLException.class)
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("22023");
  }

  @Test
  void pushListenersReceiveNotificationsOnADriverThread() throws Exception {
    LinkedBlockingQueue<String> pushed = new LinkedBlockingQueue<>();
    try (AutoCloseable handle =
        inbox.addNotificationListener(
            n -> pushed.add(n.getParameter() + "@" + Thread.currentThread().getName()))) {
      Db.exec(sender, "NOTIFY album_events, 'pushed'");
      String got = pushed.poll(60, TimeUnit.SECONDS);
      assertThat(got).startsWith("pushed@pluresdb-delivery-" + inbox.nodeId());
      assertThat(inbox.getNotifications()).isEmpty(); // pushed, not queued
    }
    Db.exec(sender, "NOTIFY album_events, 'queued'");
    assertThat(texts(inbox.getNotifications())).containsExactly("album_events:queued");
  }

  @Test
  void aListenerThatThrowsAnErrorDoesNotStopTheNotificationsAfterIt() throws Exception {
    LinkedBlockingQueue<String> pushed = new LinkedBlockingQueue<>();
    try (AutoCloseable handle =
        inbox.addNotificationListener(
            n -> {
              pushed.add(n.getParameter());
              if (n.getParameter().equals("first")) {
                throw new AssertionError("a listener's bug");
              }
            })) {
      Db.exec(sender, "NOTIFY album_events, 'first'");
      assertThat(pushed.poll(60, TimeUnit.SECONDS)).isEqualTo("first");
      Db.exec(sender, "NOTIFY album_events, 'second'");
      assertThat(pushed.poll(60, TimeUnit.SECONDS)).isEqualTo("second");
    }
  }
}
