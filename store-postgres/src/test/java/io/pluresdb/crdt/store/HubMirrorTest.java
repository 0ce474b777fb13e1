package io.pluresdb.crdt.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.pluresdb.store.postgres.PgHub;
import io.pluresdb.store.postgres.TestPostgres;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Two hubs' stores on one PostgreSQL: what one commits reaches the other, woken by LISTEN/NOTIFY; a
 * hub started later catches up from the log; all serve one database identity.
 */
class HubMirrorTest {
  private static final long T0 = 1_700_000_000_000L;
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  @Test
  void aCommitOnOneHubReachesTheOtherAndALaterHubCatchesUp() throws Exception {
    try (Nodes nodes = new Nodes();
        PgHub one = TestPostgres.freshHub();
        PgHub two = PgHub.open(one.target())) {
      Store a = nodes.add(T0);
      Store b = nodes.add(T0 + 5);
      one.serve(a);
      two.serve(b);
      assertThat(b.databaseId()).isEqualTo(a.databaseId());

      Nodes.createTables(a);
      PgLogTest.write(a, 1);
      await().atMost(PATIENCE).until(() -> rows(b) == 1);
      PgLogTest.write(b, 2);
      await().atMost(PATIENCE).until(() -> rows(a) == 2);
      await().until(() -> Nodes.state(a).equals(Nodes.state(b)));

      try (PgHub three = PgHub.open(one.target())) {
        Store c = nodes.add(T0 + 9);
        three.serve(c);
        assertThat(rows(c)).isEqualTo(2);
        assertThat(Nodes.state(c)).isEqualTo(Nodes.state(a));
        // no hub holds the database's pool of node numbers
        assertThat(c.handOutNodeNumber()).isEqualTo(-1);
        assertThat(a.handOutNodeNumber()).isEqualTo(-1);
      }
      assertThat(one.log().lastSeq()).isEqualTo(3);
    }
  }

  @Test
  void aStoreOfAnotherDatabaseIsRefused() throws Exception {
    try (Nodes nodes = new Nodes();
        PgHub one = TestPostgres.freshHub();
        PgHub two = PgHub.open(one.target())) {
      one.serve(nodes.add(T0));
      Store sealed = nodes.add(T0);
      sealed.sealDatabaseId();
      assertThatThrownBy(() -> two.serve(sealed))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining(sealed.databaseId())
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("55000");
    }
  }

  private static long rows(Store s) throws SQLException {
    if (s.catalog().table("kv") == null) {
      return 0;
    }
    return Fixtures.dump(s, "SELECT k FROM kv").size();
  }
}
