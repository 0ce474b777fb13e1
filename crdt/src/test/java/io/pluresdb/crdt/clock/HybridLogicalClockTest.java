package io.pluresdb.crdt.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.f4b6a3.ulid.Ulid;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HybridLogicalClockTest {
  private final MutableClock wall = new MutableClock(1_700_000_000_000L);
  private final HybridLogicalClock hlc =
      new HybridLogicalClock(wall, 0xABCDEF012345L, Duration.ofMinutes(5));

  @Test
  void idsIncreaseEvenWhenTheWallClockStandsStillOrGoesBack() {
    OpId a = hlc.next();
    OpId b = hlc.next();
    wall.set(1_600_000_000_000L);
    OpId c = hlc.next();
    assertThat(b).isGreaterThan(a);
    assertThat(c).isGreaterThan(b);
    assertThat(c.millis()).isEqualTo(1_700_000_000_000L);
    assertThat(c.counter()).isEqualTo(2);
  }

  @Test
  void theNodeIsTheLow48Bits() {
    OpId id = hlc.next();
    assertThat(id.node()).isEqualTo(0xABCDEF012345L);
    assertThat(id.lo() & 0xFFFF_FFFF_FFFFL).isEqualTo(0xABCDEF012345L);
  }

  @Test
  void idsAfterObservingARemoteIdAreGreater() throws SQLException {
    OpId remote = OpId.of(1_700_000_060_000L, 7, 1);
    hlc.observe(remote);
    OpId next = hlc.next();
    assertThat(next).isGreaterThan(remote);
    assertThat(next.millis()).isEqualTo(remote.millis());
  }

  @Test
  void remoteIdsTooFarInTheFutureAreRefused() {
    OpId remote = OpId.of(1_700_000_000_000L + Duration.ofMinutes(6).toMillis(), 0, 0x42);
    assertThatThrownBy(() -> hlc.observe(remote))
        .isInstanceOf(java.sql.SQLDataException.class)
        .hasMessageContaining("000000000042")
        .hasMessageContaining("360000 ms")
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("22008");
    assertThat(hlc.next().millis()).isEqualTo(1_700_000_000_000L);
  }

  @Test
  void textFormIsAUlidThatSortsLikeTheId() {
    OpId a = hlc.next();
    wall.set(1_700_000_000_001L);
    OpId b = hlc.next();
    assertThat(a.toString()).hasSize(26);
    assertThat(a.toString()).isLessThan(b.toString());
    assertThat(OpId.parse(a.toString())).isEqualTo(a);
    Ulid ulid = Ulid.from(a.toString());
    assertThat(ulid.getTime()).isEqualTo(a.millis());
    assertThat(OpId.fromBytes(a.toBytes())).isEqualTo(a);
    assertThat(ulid.toBytes()).isEqualTo(a.toBytes());
  }

  @Test
  void identityIdsAreUniqueAndIncreasing() {
    IdGenerator ids = new IdGenerator(0xABCDEF012345L, 0);
    Set<Long> seen = new HashSet<>();
    long last = -1;
    for (int i = 0; i < 10_000; i++) {
      long id = ids.next(1_750_000_000_000L);
      assertThat(id).isGreaterThan(last);
      assertThat(seen.add(id)).isTrue();
      last = id;
    }
  }

  @Test
  void aRestartedGeneratorNeverRepeatsEarlierIds() {
    long now = 1_750_000_000_000L;
    IdGenerator before = new IdGenerator(7, 0);
    long last = 0;
    for (int i = 0; i < 5; i++) {
      last = before.next(now);
    }
    IdGenerator after = new IdGenerator(7, now);
    assertThat(after.next(now)).isGreaterThan(last);
  }
}
