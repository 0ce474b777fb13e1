package io.pluresdb.sync.protocol;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.op.ByteSink;
import io.pluresdb.crdt.op.ByteSource;
import io.pluresdb.crdt.op.VersionVector;
import io.pluresdb.sync.protocol.Message.Ack;
import io.pluresdb.sync.protocol.Message.Batch;
import io.pluresdb.sync.protocol.Message.Bye;
import io.pluresdb.sync.protocol.Message.Hello;
import io.pluresdb.sync.protocol.Message.Notify;
import io.pluresdb.sync.protocol.Message.Ping;
import io.pluresdb.sync.protocol.Message.Pong;
import io.pluresdb.sync.protocol.Message.Welcome;
import io.pluresdb.sync.scope.Scope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@link Message}s to and from binary frames. A frame is a type byte and the message's fields:
 * unsigned LEB128 varints for numbers and lengths, length-prefixed UTF-8 strings, 16-byte op ids,
 * node ids as varints of their 48 bits, and transaction records as length-prefixed bytes, exactly
 * as the log holds them. A version vector is a count and that many transaction ids (the node is
 * part of each id).
 *
 * <p>There is no per-frame version byte: the hello carries the version range and its layout (type
 * 1) never changes, so a newer protocol can still read an older peer's hello and refuse it; every
 * other frame is read in the version the two ends chose, which saves a byte on every frame of a
 * live stream.
 *
 * <p>Decoding is strict: an unknown type, a truncated or overlong field, trailing bytes or a value
 * out of range fails with {@link ProtocolException} (MALFORMED), never an unchecked exception.
 * Stateless and thread-safe.
 */
public final class MessageCodec {
  /**
   * The protocol versions this build speaks: 2, whose batches carry signed (version 4) records, and
   * 3, whose welcome also hands a fresh client its node number (see {@link Message.Welcome}), and
   * 4, where a server may catch a client up by row states ({@link Message.States}). A node of
   * version 1 cannot read signed records, so the two refuse each other at the hello
   * (UNSUPPORTED_VERSION) rather than at the first batch (MALFORMED).
   */
  public static final int MIN_VERSION = 2;

  public static final int MAX_VERSION = 4;

  /** The first version whose welcome carries a node number. */
  public static final int NODE_NUMBERS = 3;

  /** The first version with row-state catch-up. */
  public static final int ROW_STATES = 4;

  private static final int HELLO = 1;
  private static final int WELCOME = 2;
  private static final int BATCH = 3;
  private static final int ACK = 4;
  private static final int NOTIFY = 5;
  private static final int PING = 6;
  private static final int PONG = 7;
  private static final int BYE = 8;
  private static final int ROWS = 11;
  private static final long MAX_NODE = (1L << 48) - 1;

  /**
   * The shortest transaction record (version, id, prev flag, operation count): refusing shorter
   * ones keeps a hostile frame of empty records from decoding into millions of objects.
   */
  static final int MIN_RECORD = 1 + 16 + 1 + 1;

  private static final CloseReason.Code[] CODES = CloseReason.Code.values();

  private MessageCodec() {}

  /** The frame for {@code m}. */
  public static byte[] encode(Message m) {
    ByteSink out = new ByteSink(m instanceof Batch b ? batchSize(b) : 64);
    if (m instanceof Hello h) {
      out.write(HELLO);
      out.varint(h.minVersion());
      out.varint(h.maxVersion());
      node(out, h.node());
      out.string(h.databaseId());
      // bit 0: a token follows; bit 1: the client's identity is sealed
      // bit 2: scopes follow the version vector (an older node refuses them as trailing bytes)
      out.write(
          (h.token() == null ? 0 : 1) | (h.sealed() ? 2 : 0) | (h.scopes().isEmpty() ? 0 : 4));
      if (h.token() != null) {
        out.string(h.token());
      }
      vector(out, h.versionVector());
      if (!h.scopes().isEmpty()) {
        SliceCodec.writeScopes(out, h.scopes());
      }
    } else if (m instanceof Welcome w) {
      out.write(WELCOME);
      out.varint(w.version());
      node(out, w.node());
      out.string(w.databaseId());
      vector(out, w.versionVector());
      if (w.version() >= NODE_NUMBERS) {
        out.varint(w.assigned() + 1L);
      }
    } else if (m instanceof Batch b) {
      out.write(BATCH);
      out.varint(b.seqNo());
      out.varint(b.records().size());
      for (byte[] r : b.records()) {
        out.bytes(r);
      }
    } else if (m instanceof Ack a) {
      out.write(ACK);
      out.varint(a.seqNo());
    } else if (m instanceof Notify n) {
      out.write(NOTIFY);
      out.write(n.id().toBytes());
      out.string(n.channel());
      out.string(n.payload());
      node(out, n.node());
    } else if (m instanceof Message.Rows r) {
      out.write(ROWS);
      SliceCodec.writeRows(out, r);
    } else if (m instanceof Ping) {
      out.write(PING);
    } else if (m instanceof Pong) {
      out.write(PONG);
    } else if (m instanceof Bye b) {
      out.write(BYE);
      out.write(b.code().ordinal());
      out.string(b.message());
    } else if (!StateFrames.write(m, out)) {
      throw new IllegalArgumentException("not a message: " + m);
    }
    return out.toByteArray();
  }

  /**
   * The start of a batch frame ({@code type, seqNo, count}); the frame goes on with each record's
   * {@link #recordField}. A transport that sends one transaction to many peers encodes its field
   * once and puts a per-peer head before it.
   */
  public static byte[] batchHead(long seqNo, int count) {
    ByteSink out = new ByteSink(21);
    out.write(BATCH);
    out.varint(seqNo);
    out.varint(count);
    return out.toByteArray();
  }

  /** A transaction record as a batch frame holds it: its length, then its bytes. */
  public static byte[] recordField(byte[] record) {
    ByteSink out = new ByteSink(record.length + 5);
    out.bytes(record);
    return out.toByteArray();
  }

  /** The length of {@link #recordField} for {@code record}. */
  public static int recordFieldLength(byte[] record) {
    int n = record.length;
    int prefix = 1;
    while ((n & ~0x7F) != 0) {
      prefix++;
      n >>>= 7;
    }
    return prefix + record.length;
  }

  private static int batchSize(Batch b) {
    int n = 16;
    for (byte[] r : b.records()) {
      n += r.length + 5;
    }
    return n;
  }

  /** Reads one frame; anything but a well-formed message fails with MALFORMED. */
  public static Message decode(byte[] frame) throws ProtocolException {
    try {
      ByteSource in = new ByteSource(frame);
      Message m = read(in, in.read());
      if (in.hasMore()) {
        throw malformed("trailing bytes after " + m.getClass().getSimpleName());
      }
      return m;
    } catch (ProtocolException e) {
      throw e;
    } catch (RuntimeException e) {
      // ByteSource reports truncation and overlong lengths as IllegalArgumentException
      throw malformed("malformed frame of " + frame.length + " bytes: " + e.getMessage());
    }
  }

  private static Message read(ByteSource in, int type) throws ProtocolException {
    return switch (type) {
      case HELLO -> {
        int min = smallInt(in, "minimum version");
        int max = smallInt(in, "maximum version");
        String node = node(in);
        String db = in.string();
        int flags = in.read();
        if (flags > 7) {
          throw malformed("hello flags are " + flags + ", expected 0 to 7");
        }
        String token = (flags & 1) != 0 ? in.string() : null;
        VersionVector vv = vector(in);
        List<Scope> scopes = (flags & 4) != 0 ? SliceCodec.readScopes(in) : List.of();
        yield new Hello(min, max, node, db, (flags & 2) != 0, token, vv, scopes);
      }
      case WELCOME -> {
        int version = smallInt(in, "version");
        String node = node(in);
        String db = in.string();
        VersionVector vv = vector(in);
        int assigned = version >= NODE_NUMBERS ? smallInt(in, "node number") - 1 : -1;
        yield new Welcome(version, node, db, vv, assigned);
      }
      case BATCH -> {
        long seqNo = in.varint();
        int n = in.length();
        List<byte[]> records = new ArrayList<>(Math.min(n, 256));
        for (int i = 0; i < n; i++) {
          byte[] r = in.bytes();
          if (r.length < MIN_RECORD) {
            throw malformed(
                "record " + i + " of batch " + seqNo + " has only " + r.length + " bytes");
          }
          records.add(r);
        }
        yield new Batch(seqNo, records);
      }
      case ACK -> new Ack(in.varint());
      case NOTIFY -> new Notify(opId(in), in.string(), in.string(), node(in));
      case ROWS -> SliceCodec.readRows(in);
      case PING -> new Ping();
      case PONG -> new Pong();
      case BYE -> {
        int code = in.read();
        if (code >= CODES.length) {
          throw malformed("unknown close code " + code);
        }
        yield new Bye(CODES[code], in.string());
      }
      default -> StateFrames.read(in, type);
    };
  }

  static ProtocolException malformed(String message) {
    return new ProtocolException(CloseReason.Code.MALFORMED, message);
  }

  private static int smallInt(ByteSource in, String what) throws ProtocolException {
    long v = in.varint();
    if (v > Integer.MAX_VALUE) {
      throw malformed(what + " " + Long.toUnsignedString(v) + " is out of range");
    }
    return (int) v;
  }

  private static void node(ByteSink out, String node) {
    out.varint(Long.parseLong(node, 16));
  }

  private static String node(ByteSource in) throws ProtocolException {
    long v = in.varint();
    if (v < 0 || v > MAX_NODE) {
      throw malformed("node id " + Long.toUnsignedString(v, 16) + " exceeds 48 bits");
    }
    return String.format(Locale.ROOT, "%012x", v);
  }

  private static OpId opId(ByteSource in) {
    return new OpId(in.fixed64(), in.fixed64());
  }

  private static void vector(ByteSink out, VersionVector vv) {
    out.varint(vv.last().size());
    for (OpId id : vv.last().values()) {
      out.write(id.toBytes());
    }
  }

  private static VersionVector vector(ByteSource in) throws ProtocolException {
    int n = in.length();
    Map<Long, OpId> last = new HashMap<>();
    for (int i = 0; i < n; i++) {
      OpId id = opId(in);
      if (last.put(id.node(), id) != null) {
        throw malformed(
            String.format(Locale.ROOT, "version vector names node %012x twice", id.node()));
      }
    }
    return new VersionVector(last);
  }
}
