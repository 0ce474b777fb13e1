package io.pluresdb.crdt.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.crdt.clock.OpId;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ClockVectorTest {
  private static final long LOCAL = 0x123456789ABCL;
  private static final long REMOTE = 0xFEDCBA987654L;
  private static final long NOW = 1_763_000_000_000L;

  @Test
  void aLocalInsertsClockLeavesTheNodeOut() {
    OpId id = OpId.of(NOW, 3, LOCAL);
    byte[] local = ClockVector.uniform(id, 4, LOCAL);
    byte[] remote = ClockVector.uniform(OpId.of(NOW, 3, REMOTE), 4, LOCAL);

    // tag, 6 bytes of milliseconds, counter, column count
    assertThat(local).hasSize(9);
    assertThat(remote).hasSize(18);
    ClockVector back = ClockVector.decode(local, 4, LOCAL);
    assertThat(back.existence).isEqualTo(id);
    assertThat(back.fields).containsOnly(id);
  }

  @Test
  void aLocalClockDecodesToFewerFieldsAfterAColumnIsDropped() {
    OpId id = OpId.of(NOW, 70_000, LOCAL);
    ClockVector back = ClockVector.decode(ClockVector.uniform(id, 5, LOCAL), 3, LOCAL);
    assertThat(back.fields).containsExactly(id, id, id);
    ClockVector wider = ClockVector.decode(ClockVector.uniform(id, 2, LOCAL), 3, LOCAL);
    assertThat(wider.fields).containsExactly(id, id, null);
  }

  @Property
  void everyVectorRoundTrips(@ForAll("ids") OpId existence, @ForAll("fields") OpId[] fields) {
    ClockVector v = new ClockVector(existence, fields);
    ClockVector back = ClockVector.decode(v.encode(LOCAL), fields.length, LOCAL);
    assertThat(back.existence).isEqualTo(existence);
    assertThat(back.fields).containsExactly(fields);
  }

  @Property
  void uniformVectorsRoundTripWhateverTheNode(
      @ForAll("ids") OpId id, @ForAll @IntRange(min = 0, max = 300) int columns) {
    OpId[] fields = new OpId[columns];
    Arrays.fill(fields, id);
    byte[] stored = new ClockVector(id, fields).encode(LOCAL);
    assertThat(stored).isEqualTo(ClockVector.uniform(id, columns, LOCAL));
    ClockVector back = ClockVector.decode(stored, columns, LOCAL);
    assertThat(back.existence).isEqualTo(id);
    assertThat(back.fields).containsExactly(fields);
  }

  @Provide
  Arbitrary<OpId> ids() {
    Arbitrary<Long> millis =
        Arbitraries.oneOf(
            Arbitraries.longs().between(0, (1L << 48) - 1),
            Arbitraries.longs().between(NOW, NOW + 5));
    Arbitrary<Long> counter =
        Arbitraries.oneOf(
            Arbitraries.longs().between(0, (1L << 32) - 1), Arbitraries.longs().between(0, 3));
    Arbitrary<Long> node =
        Arbitraries.oneOf(
            Arbitraries.just(LOCAL),
            Arbitraries.just(REMOTE),
            Arbitraries.longs().between(0, (1L << 48) - 1));
    return net.jqwik.api.Combinators.combine(millis, counter, node).as(OpId::of);
  }

  @Provide
  Arbitrary<OpId[]> fields() {
    return ids().injectNull(0.2).array(OpId[].class).ofMaxSize(6);
  }
}
