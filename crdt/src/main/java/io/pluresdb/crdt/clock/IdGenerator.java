package io.pluresdb.crdt.clock;

/**
 * Cluster-unique 64-bit ids for identity columns, laid out like Twitter's Snowflake: 41 bits of
 * milliseconds since 2025-01-01 (about 69 years), 10 bits of the node id and a 12-bit sequence.
 * Within a node the ids strictly increase (the millisecond comes from the node's hybrid logical
 * clock, which never goes back, and the sequence borrows the next millisecond when exhausted). Two
 * nodes collide only if their 48-bit ids agree in the 10 bits used (a 1 in 1024 chance per pair,
 * reduced by mixing all 48 bits) and they issue the same sequence number in the same millisecond,
 * which is rare enough for identity columns; primary keys still detect the collision locally.
 *
 * <p>Thread-safe: state guarded by the instance monitor.
 */
public final class IdGenerator {
  private static final long EPOCH_2025 = 1_735_689_600_000L;
  private static final long SEQUENCE_MASK = 0xFFF;

  private final long nodeBits;
  private long lastMillis;
  private long sequence;

  /**
   * A generator for {@code node} whose ids all lie after {@code notBeforeMillis}: a reopened store
   * passes the time of its last logged operation, so ids issued before a restart (in the same
   * millisecond, with a sequence that restarts) cannot come again.
   */
  public IdGenerator(long node, long notBeforeMillis) {
    long h = node * 0x9E37_79B9_7F4A_7C15L;
    this.nodeBits = h >>> 54;
    this.lastMillis = Math.max(0, notBeforeMillis - EPOCH_2025 + 1);
    this.sequence = -1;
  }

  /** The next id, given the current time in milliseconds. */
  public long next(long nowMillis) {
    return reserve(1, nowMillis);
  }

  /**
   * Reserves {@code count} consecutive ids and returns the highest: the ids {@code result - count +
   * 1 .. result} all belong to this node, since they share one millisecond and differ only in the
   * sequence bits. A block that does not fit in what is left of the current millisecond starts at
   * sequence 0 of the next one, so no later id (block or single) can fall inside it.
   *
   * @param count 1 to 4096
   */
  public synchronized long reserve(int count, long nowMillis) {
    if (count < 1 || count > SEQUENCE_MASK + 1) {
      throw new IllegalArgumentException("a block of ids holds 1 to 4096 ids, not " + count);
    }
    long ms = Math.max(nowMillis - EPOCH_2025, lastMillis);
    // sequence starts at -1 so that the first id of a fresh generator is sequence 0
    long first = ms == lastMillis ? sequence + 1 : 0;
    if (first + count - 1 > SEQUENCE_MASK) {
      ms++;
      first = 0;
    }
    lastMillis = ms;
    sequence = first + count - 1;
    return (ms & 0x1FF_FFFF_FFFFL) << 22 | nodeBits << 12 | sequence;
  }
}
