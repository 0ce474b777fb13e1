package io.pluresdb.sync.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.op.VersionVector;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a peer holds, kept in place: it covers what it started with and what was added, keeps each
 * node's latest, and its snapshot is the merge an immutable vector would give.
 */
class HeldVectorTest {
  @Test
  void addsTransactionsAsMergeWould() {
    VersionVector start = new VersionVector(Map.of(1L, OpId.of(10, 0, 1)));
    HeldVector held = new HeldVector(start);
    assertThat(held.snapshot()).isSameAs(start);
    assertThat(held.covers(OpId.of(9, 0, 1))).isTrue();
    assertThat(held.covers(OpId.of(11, 0, 1))).isFalse();
    assertThat(held.covers(OpId.of(1, 0, 2))).isFalse();

    held.add(OpId.of(11, 0, 1));
    held.add(OpId.of(5, 0, 2));
    held.add(OpId.of(3, 0, 1)); // older than what node 1 already has: no change

    VersionVector merged =
        start
            .merge(new VersionVector(Map.of(1L, OpId.of(11, 0, 1))))
            .merge(new VersionVector(Map.of(2L, OpId.of(5, 0, 2))));
    assertThat(held.snapshot()).isEqualTo(merged);
    assertThat(held.covers(OpId.of(11, 0, 1))).isTrue();
    assertThat(held.covers(OpId.of(5, 0, 2))).isTrue();
    assertThat(held.covers(OpId.of(6, 0, 2))).isFalse();
  }

  @Test
  void snapshotIsKeptUntilSomethingNewIsAdded() {
    HeldVector held = new HeldVector(VersionVector.empty());
    held.add(OpId.of(1, 0, 3));
    VersionVector first = held.snapshot();
    held.add(OpId.of(1, 0, 3));
    assertThat(held.snapshot()).isSameAs(first);
    held.add(OpId.of(2, 0, 3));
    assertThat(held.snapshot()).isNotSameAs(first).isNotEqualTo(first);
  }
}
