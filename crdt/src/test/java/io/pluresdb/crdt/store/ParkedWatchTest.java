package io.pluresdb.crdt.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.op.OpKind;
import io.pluresdb.crdt.op.Operation;
import io.pluresdb.crdt.op.ReceivedTx;
import io.pluresdb.crdt.op.Transaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** A stall is logged once when it starts and once when it clears, never at every retry. */
class ParkedWatchTest {
  private static final long T0 = 1_700_000_000_000L;
  private static final String PEER = "0000000000aa";
  private final Nodes nodes = new Nodes();
  private final Recording log = new Recording();

  @AfterEach
  void close() throws SQLException {
    nodes.close();
  }

  @Test
  void aPeersParkedTransactionsAreLoggedWhenTheyStartAndWhenTheyClearOnly() throws SQLException {
    Store a = nodes.add(T0);
    Nodes.createTables(a);
    Store c = nodes.add(T0);
    ParkedWatch watch = new ParkedWatch("node c", log);
    ReceivedTx first = insert(1, null);
    ReceivedTx second = insert(2, first.tx().id());
    ReceivedTx third = insert(3, second.tx().id());
    try (Connection reader = c.openReader()) {
      c.applyRemote(List.of(third), PEER).orThrow();
      watch.refresh(reader);
      c.applyRemote(List.of(second), PEER).orThrow();
      watch.refresh(reader);
      // a's transactions apply, and each application retries what is parked
      Nodes.sync(a, c);
      watch.refresh(reader);
      c.applyRemote(List.of(first), PEER).orThrow();
      watch.refresh(reader);
      watch.refresh(reader);
    }

    assertThat(log.lines).hasSize(2);
    assertThat(log.lines.get(0))
        .startsWith("WARN node c: 1 transaction(s) from node " + PEER + " cannot be applied")
        .contains("waits for transaction " + second.tx().id());
    assertThat(log.lines.get(1))
        .isEqualTo("INFO node c: the transactions parked from node " + PEER + " are all applied");
  }

  private static ReceivedTx insert(int counter, OpId prev) {
    return ReceivedTx.encode(
        new Transaction(
            OpId.of(T0, counter * 10, 0x77),
            prev,
            List.of(
                new Operation(
                    OpId.of(T0, counter * 10 + 1, 0x77),
                    OpKind.INSERT,
                    "kv",
                    new Object[] {(long) counter},
                    new String[] {"k"},
                    new Object[] {(long) counter},
                    List.of(),
                    null))));
  }

  /** A logger that keeps each line as "LEVEL message". */
  private static final class Recording extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;
    final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(
        Level level, Marker marker, String pattern, Object[] args, Throwable t) {
      lines.add(level + " " + MessageFormatter.basicArrayFormat(pattern, args));
    }

    @Override
    public boolean isTraceEnabled() {
      return true;
    }

    @Override
    public boolean isDebugEnabled() {
      return true;
    }

    @Override
    public boolean isInfoEnabled() {
      return true;
    }

    @Override
    public boolean isWarnEnabled() {
      return true;
    }

    @Override
    public boolean isErrorEnabled() {
      return true;
    }
  }
}
