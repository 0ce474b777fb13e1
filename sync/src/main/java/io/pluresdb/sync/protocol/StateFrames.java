package io.pluresdb.sync.protocol;

import io.pluresdb.crdt.op.ByteSink;
import io.pluresdb.crdt.op.ByteSource;

/**
 * The frames of row-state catch-up (version 4), for {@link MessageCodec}: {@link Message.States} is
 * its type byte, the part's number, a last flag (0 or 1) and the length-prefixed row-state body;
 * {@link Message.StatesAck} its type byte and the part's number. The body is checked where it is
 * merged ({@link SnapshotIn}), so a frame holds it undecoded.
 *
 * <p>Stateless.
 */
final class StateFrames {
  private static final int STATES = 9;
  private static final int STATES_ACK = 10;

  private StateFrames() {}

  /** Writes {@code m} when it is one of these frames; false when it is not. */
  static boolean write(Message m, ByteSink out) {
    if (m instanceof Message.States s) {
      out.write(STATES);
      out.varint(s.seqNo());
      out.write(s.last() ? 1 : 0);
      out.bytes(s.body());
    } else if (m instanceof Message.StatesAck a) {
      out.write(STATES_ACK);
      out.varint(a.seqNo());
    } else {
      return false;
    }
    return true;
  }

  /** Reads a frame of type {@code type}; MALFORMED when it is not one of these either. */
  static Message read(ByteSource in, int type) throws ProtocolException {
    if (type == STATES) {
      long seqNo = in.varint();
      int last = in.read();
      if (last > 1) {
        throw MessageCodec.malformed("row-state part " + seqNo + " has last flag " + last);
      }
      return new Message.States(seqNo, last == 1, in.bytes());
    }
    if (type == STATES_ACK) {
      return new Message.StatesAck(in.varint());
    }
    throw MessageCodec.malformed("unknown message type " + type);
  }
}
