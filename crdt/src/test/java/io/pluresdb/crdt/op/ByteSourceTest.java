package io.pluresdb.crdt.op;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteSourceTest {
  @Test
  void aLengthThatIsNegativeAsALongIsRefusedNotAllocated() {
    ByteSink sink = new ByteSink(16);
    // as a long this is negative; cast to int it would be 2,000,000,000
    sink.varint(-4_294_967_296L + 2_000_000_000L);
    ByteSource in = new ByteSource(sink.toByteArray());
    assertThatThrownBy(in::length)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exceeds the record");
  }
}
