package io.pluresdb.sync.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.op.VersionVector;
import io.pluresdb.sync.protocol.Message.Batch;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every message survives encoding; anything else fails cleanly with MALFORMED. */
class MessageCodecTest {
  private static final OpId A = OpId.of(1_700_000_000_000L, 3, 0xabcdef012345L);
  private static final OpId B = OpId.of(1_700_000_000_100L, 0, 0x1L);
  private static final VersionVector VV = new VersionVector(Map.of(A.node(), A, B.node(), B));

  static List<Message> samples() {
    return List.of(
        new Message.Hello(1, 3, "abcdef012345", "db-1", true, "s3cret", VV),
        new Message.Hello(1, 1, "000000000001", "", false, null, VersionVector.empty()),
        new Message.Hello(
            2,
            3,
            "000000000001",
            "db-1",
            false,
            "jwt",
            VV,
            List.of(
                new io.pluresdb.sync.scope.Scope("mine", "note", "project_id IN (7, 9)"),
                new io.pluresdb.sync.scope.Scope("all", "task", null))),
        new Message.Welcome(1, "ffffffffffff", "db-1", VV),
        new Message.Welcome(3, "ffffffffffff", "db-1", VV, 7),
        new Message.Welcome(3, "ffffffffffff", "db-1", VV, -1),
        new Batch(1, List.of(new byte[MessageCodec.MIN_RECORD], new byte[300])),
        new Batch(Long.MAX_VALUE, List.of()),
        new Message.Ack(1L << 40),
        new Message.Notify(A, "jobs", "payload ✓", "abcdef012345"),
        new Message.Ping(),
        new Message.Pong(),
        new Message.Bye(CloseReason.Code.FORBIDDEN, "no"));
  }

  @Test
  void aVersion2WelcomeHasTheVersion2LayoutAndHandsOutNoNodeNumber() throws ProtocolException {
    Message.Welcome v2 = new Message.Welcome(2, "ffffffffffff", "db-1", VV, 7);
    byte[] frame = MessageCodec.encode(v2);
    assertThat(frame)
        .isEqualTo(MessageCodec.encode(new Message.Welcome(2, "ffffffffffff", "db-1", VV)));
    assertThat(((Message.Welcome) MessageCodec.decode(frame)).assigned()).isEqualTo(-1);
  }

  @Test
  void rowsRoundTrip() throws ProtocolException {
    Message.Rows r =
        new Message.Rows(
            Message.Rows.FIRST | Message.Rows.LAST, new byte[] {1, 2, 3}, new byte[] {4});
    Message.Rows back = (Message.Rows) MessageCodec.decode(MessageCodec.encode(r));
    assertThat(back.flags()).isEqualTo(3);
    assertThat(back.states()).containsExactly(1, 2, 3);
    assertThat(back.removals()).containsExactly(4);
  }

  @Test
  void everyMessageRoundTrips() throws ProtocolException {
    for (Message m : samples()) {
      Message back = MessageCodec.decode(MessageCodec.encode(m));
      if (m instanceof Batch b) {
        Batch bb = (Batch) back;
        assertThat(bb.seqNo()).isEqualTo(b.seqNo());
        assertThat(bb.records()).hasSameSizeAs(b.records());
        for (int i = 0; i < b.records().size(); i++) {
          assertThat(bb.records().get(i)).isEqualTo(b.records().get(i));
        }
      } else {
        assertThat(back).isEqualTo(m);
      }
    }
  }

  @Test
  void everyTruncationAndAnyTrailingByteIsMalformed() {
    for (Message m : samples()) {
      byte[] frame = MessageCodec.encode(m);
      for (int n = 0; n < frame.length; n++) {
        byte[] cut = Arrays.copyOf(frame, n);
        assertThatThrownBy(() -> MessageCodec.decode(cut))
            .as("%s cut to %d bytes", m, n)
            .isInstanceOf(ProtocolException.class)
            .extracting(e -> ((ProtocolException) e).reason().code())
            .isEqualTo(CloseReason.Code.MALFORMED);
      }
      byte[] longer = Arrays.copyOf(frame, frame.length + 1);
      assertThatThrownBy(() -> MessageCodec.decode(longer))
          .isInstanceOf(ProtocolException.class)
          .hasMessageContaining("trailing");
    }
  }

  @Test
  void unknownTypesCodesAndFlagsAreMalformed() {
    assertThatThrownBy(() -> MessageCodec.decode(new byte[] {99}))
        .hasMessageContaining("unknown message type 99");
    assertThatThrownBy(() -> MessageCodec.decode(new byte[] {8, 77, 0}))
        .hasMessageContaining("unknown close code 77");
    byte[] hello =
        MessageCodec.encode(new Message.Hello(1, 1, "000000000001", "", false, null, VV));
    // the flags: only bits 0 (token), 1 (sealed) and 2 (scopes) are defined
    hello[5] = 8;
    assertThatThrownBy(() -> MessageCodec.decode(hello)).hasMessageContaining("hello flags are 8");
  }

  @Test
  void recordsShorterThanAnyTransactionAreMalformed() {
    byte[] frame = MessageCodec.encode(new Batch(4, List.of(new byte[300], new byte[0])));
    assertThatThrownBy(() -> MessageCodec.decode(frame))
        .hasMessageContaining("record 1 of batch 4 has only 0 bytes");
  }

  @Test
  void randomBytesNeverThrowAnythingButProtocolException() {
    Random r = new Random(42);
    int decoded = 0;
    for (int i = 0; i < 50_000; i++) {
      byte[] frame = new byte[r.nextInt(40)];
      r.nextBytes(frame);
      if (frame.length > 0 && r.nextBoolean()) {
        frame[0] = (byte) (1 + r.nextInt(8)); // a valid type, so the fields get fuzzed
      }
      try {
        MessageCodec.decode(frame);
        decoded++;
      } catch (ProtocolException e) {
        assertThat(e.reason().code()).isEqualTo(CloseReason.Code.MALFORMED);
      }
    }
    assertThat(decoded).as("some random frames are well formed").isPositive();
  }

  @Test
  void mutatedValidFramesNeverThrowAnythingButProtocolException() {
    Random r = new Random(7);
    List<Message> samples = samples();
    for (int i = 0; i < 30_000; i++) {
      byte[] frame = MessageCodec.encode(samples.get(r.nextInt(samples.size())));
      for (int k = 1 + r.nextInt(3); k > 0; k--) {
        frame[r.nextInt(frame.length)] = (byte) r.nextInt(256);
      }
      try {
        MessageCodec.decode(frame);
      } catch (ProtocolException e) {
        assertThat(e.reason().code()).isEqualTo(CloseReason.Code.MALFORMED);
      }
    }
  }
}
