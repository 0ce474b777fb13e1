package io.pluresdb.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.op.VersionVector;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Client cursors kept in PostgreSQL, shared by every hub of the store. */
class PgCursorsTest {
  private static final VersionVector HELD =
      new VersionVector(Map.of(1L, OpId.of(1000, 3, 1), 2L, OpId.of(1005, 0, 2)));
  private static final VersionVector MORE =
      new VersionVector(Map.of(1L, OpId.of(1010, 0, 1), 2L, OpId.of(1005, 0, 2)));

  @Test
  void aClientResumesOnAnyHubWhereItsSessionsLeftOff() throws Exception {
    try (PgHub one = TestPostgres.freshHub();
        PgHub two = PgHub.open(one.target())) {
      assertThat(two.cursors().resumeAfter("client-1", HELD)).isZero();
      one.cursors().save("client-1", 41, HELD);
      assertThat(two.cursors().resumeAfter("client-1", HELD)).isEqualTo(41);
      assertThat(two.cursors().resumeAfter("client-1", MORE)).isEqualTo(41);
      assertThat(two.cursors().resumeAfter("client-2", MORE)).isZero();
    }
  }

  @Test
  void aCursorOnlyMovesForward() throws Exception {
    try (PgHub one = TestPostgres.freshHub();
        PgHub two = PgHub.open(one.target())) {
      one.cursors().save("c", 50, MORE);
      two.cursors().save("c", 20, HELD); // a slower hub's older news
      assertThat(one.cursors().resumeAfter("c", MORE)).isEqualTo(50);
    }
  }

  @Test
  void aClientRestoredFromAnOlderCopyStartsOver() throws Exception {
    try (PgHub one = TestPostgres.freshHub()) {
      one.cursors().save("c", 50, MORE);
      assertThat(one.cursors().resumeAfter("c", HELD)).isZero();
      assertThat(PgCursors.decode(PgCursors.encode(MORE))).isEqualTo(MORE);
    }
  }
}
