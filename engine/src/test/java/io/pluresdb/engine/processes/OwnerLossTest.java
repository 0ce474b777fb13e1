package io.pluresdb.engine.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** What a follower's request reports when the owning process ends under it. */
class OwnerLossTest {
  private static final IOException RESET = new IOException("Connection reset");

  private static SQLException loss(int op, boolean sent, boolean inTransaction, boolean auto) {
    return OwnerLoss.of("/data/app.db", op, sent, inTransaction, auto, RESET);
  }

  @Test
  void anOpenTransactionIsRolledBackWithTheOwner() {
    SQLException e = loss(ForwardedSession.EXECUTE, true, true, false);
    assertThat(e.getSQLState()).isEqualTo("40000");
    assertThat(e.getMessage())
        .contains("/data/app.db")
        .contains("ended during this transaction")
        .contains("Connection reset");
    assertThat(loss(ForwardedSession.EXECUTE, false, true, false).getSQLState())
        .as("even when the statement never reached the owner")
        .isEqualTo("40000");
    assertThat(loss(ForwardedSession.EXECUTE, true, false, false).getSQLState())
        .as("a statement that began the transaction")
        .isEqualTo("40000");
  }

  @Test
  void aCommitOrAutoCommitStatementTheOwnerReceivedIsOfUnknownResolution() {
    SQLException commit = loss(ForwardedSession.COMMIT, true, true, false);
    assertThat(commit.getSQLState()).isEqualTo("08007");
    assertThat(commit.getMessage()).contains("may or may not have committed");
    assertThat(loss(ForwardedSession.EXECUTE, true, false, true).getSQLState()).isEqualTo("08007");
    assertThat(loss(ForwardedSession.BATCH, true, false, true).getSQLState()).isEqualTo("08007");
  }

  @Test
  void whatNeverReachedTheOwnerIsAConnectionFailure() {
    SQLException e = loss(ForwardedSession.EXECUTE, false, false, true);
    assertThat(e.getSQLState()).isEqualTo("08006");
    assertThat(e.getMessage()).contains("before this statement reached it");
    assertThat(loss(ForwardedSession.AUTO_COMMIT, true, false, true).getSQLState())
        .isEqualTo("08006");
  }
}
