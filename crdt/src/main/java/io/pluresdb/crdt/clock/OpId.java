package io.pluresdb.crdt.clock;

import java.nio.ByteBuffer;

/**
 * A 128-bit operation id issued by a {@link HybridLogicalClock}: 48 bits of milliseconds since the
 * epoch, a 32-bit logical counter and the 48-bit id of the issuing node, in that order, so ids
 * compare by time first and the node is always the low 48 bits. The text form is a 26-character
 * ULID (Crockford base32), which sorts like the id.
 *
 * @param hi milliseconds (48 bits) then the counter's high 16 bits
 * @param lo the counter's low 16 bits then the node (48 bits)
 */
public record OpId(long hi, long lo) implements Comparable<OpId> {
  /** Number of bytes in {@link #toBytes()}. */
  public static final int BYTES = 16;

  private static final long NODE_MASK = 0xFFFF_FFFF_FFFFL;
  private static final char[] BASE32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

  /** Builds an id from its three fields. */
  public static OpId of(long millis, long counter, long node) {
    return new OpId(
        (millis & NODE_MASK) << 16 | (counter >>> 16 & 0xFFFF),
        (counter & 0xFFFF) << 48 | (node & NODE_MASK));
  }

  /** Milliseconds since the epoch of the issuing clock. */
  public long millis() {
    return hi >>> 16;
  }

  /** The logical counter within {@link #millis()}. */
  public long counter() {
    return (hi & 0xFFFF) << 16 | lo >>> 48;
  }

  /** The issuing node's 48-bit id. */
  public long node() {
    return lo & NODE_MASK;
  }

  /** Big-endian bytes, which compare (unsigned) like the ids. */
  public byte[] toBytes() {
    return ByteBuffer.allocate(BYTES).putLong(hi).putLong(lo).array();
  }

  /** Reads 16 big-endian bytes at {@code offset}. */
  public static OpId fromBytes(byte[] bytes, int offset) {
    ByteBuffer b = ByteBuffer.wrap(bytes, offset, BYTES);
    return new OpId(b.getLong(), b.getLong());
  }

  public static OpId fromBytes(byte[] bytes) {
    if (bytes.length != BYTES) {
      throw new IllegalArgumentException("an op id has 16 bytes, got " + bytes.length);
    }
    return fromBytes(bytes, 0);
  }

  /** Parses the 26-character ULID text form. */
  public static OpId parse(String text) {
    if (text.length() != 26) {
      throw new IllegalArgumentException("an op id has 26 characters, got '" + text + "'");
    }
    long h = 0;
    long l = 0;
    for (int i = 0; i < 26; i++) {
      int v = decode(text.charAt(i), text);
      // shift the 130-bit accumulator left by 5; the top two bits of the first char must be 0
      h = h << 5 | l >>> 59;
      l = l << 5 | v;
    }
    if (decode(text.charAt(0), text) > 7) {
      throw new IllegalArgumentException("op id out of range: '" + text + "'");
    }
    return new OpId(h, l);
  }

  private static int decode(char c, String text) {
    char u = Character.toUpperCase(c);
    for (int i = 0; i < BASE32.length; i++) {
      if (BASE32[i] == u) {
        return i;
      }
    }
    throw new IllegalArgumentException("not a ULID character '" + c + "' in '" + text + "'");
  }

  @Override
  public int compareTo(OpId o) {
    int c = Long.compareUnsigned(hi, o.hi);
    return c != 0 ? c : Long.compareUnsigned(lo, o.lo);
  }

  /** True when this id is greater than {@code o}; null counts as smaller than every id. */
  public boolean after(OpId o) {
    return o == null || compareTo(o) > 0;
  }

  @Override
  public String toString() {
    char[] out = new char[26];
    long h = hi;
    long l = lo;
    for (int i = 25; i >= 0; i--) {
      out[i] = BASE32[(int) (l & 31)];
      l = l >>> 5 | h << 59;
      h = h >>> 5;
    }
    return new String(out);
  }
}
