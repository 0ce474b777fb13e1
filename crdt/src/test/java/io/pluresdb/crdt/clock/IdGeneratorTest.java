package io.pluresdb.crdt.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdGeneratorTest {
  private static final long NOW = 1_800_000_000_000L;

  private static void addBlock(Set<Long> issued, long hi, int count) {
    for (long v = hi - count + 1; v <= hi; v++) {
      assertThat(issued.add(v)).as("id %d issued twice", v).isTrue();
    }
  }

  @Test
  void blocksAndSingleIdsNeverOverlapWithinOneMillisecond() {
    IdGenerator ids = new IdGenerator(7, 0);
    Set<Long> issued = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      addBlock(issued, ids.reserve(50, NOW), 50);
      addBlock(issued, ids.next(NOW), 1);
    }
    assertThat(issued).hasSize(200 * 51);
  }

  @Test
  void aBlockThatDoesNotFitTheMillisecondMovesToTheNextOneWhole() {
    IdGenerator ids = new IdGenerator(7, 0);
    long first = ids.reserve(4000, NOW);
    long second = ids.reserve(100, NOW);
    // the block's ids are consecutive and share the millisecond bits
    assertThat((second - 99) >>> 22).isEqualTo(second >>> 22);
    assertThat(second >>> 22).isEqualTo((first >>> 22) + 1);
    assertThat(second & 0xFFF).isEqualTo(99);
  }

  @Test
  void twoNodesIssueDisjointBlocksInTheSameMillisecond() {
    IdGenerator a = new IdGenerator(1, 0);
    IdGenerator b = new IdGenerator(2, 0);
    Set<Long> issued = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      addBlock(issued, a.reserve(50, NOW), 50);
      addBlock(issued, b.reserve(50, NOW), 50);
    }
  }

  @Test
  void blockSizesOutsideOneMillisecondAreRefused() {
    IdGenerator ids = new IdGenerator(7, 0);
    assertThatThrownBy(() -> ids.reserve(4097, NOW)).hasMessageContaining("4097");
    assertThatThrownBy(() -> ids.reserve(0, NOW)).hasMessageContaining("0");
    assertThat(ids.reserve(4096, NOW) & 0xFFF).isEqualTo(4095);
  }
}
