package io.pluresdb.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VectorCodecTest {
  @Test
  void bytesAreLittleEndianFloat32() {
    byte[] b = VectorCodec.toBytes(new float[] {1f, -2.5f});
    assertThat(b).containsExactly(0, 0, (byte) 0x80, 0x3f, 0, 0, 0x20, (byte) 0xc0);
    assertThat(VectorCodec.fromBytes(b)).containsExactly(1f, -2.5f);
  }

  @Test
  void textRoundTrips() {
    float[] v = VectorCodec.parse(" [1, 2.5 ,-3e2] ");
    assertThat(v).containsExactly(1f, 2.5f, -300f);
    assertThat(VectorCodec.format(v)).isEqualTo("[1.0,2.5,-300.0]");
    assertThat(VectorCodec.parse("[]")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1,2,3", "[1,2", "[1,,2]", "[a,b]", "[1,NaN]", "", "[1 2]"})
  void badTextIsRefused(String text) {
    assertThatThrownBy(() -> VectorCodec.parse(text))
        .isInstanceOf(VectorException.class)
        .extracting(e -> ((VectorException) e).reason())
        .isEqualTo(VectorException.Reason.FORMAT);
  }

  @Test
  void bytesThatAreNotWholeFloatsAreRefused() {
    assertThatThrownBy(() -> VectorCodec.fromBytes(new byte[5]))
        .isInstanceOf(VectorException.class)
        .hasMessageContaining("5 bytes");
  }
}
