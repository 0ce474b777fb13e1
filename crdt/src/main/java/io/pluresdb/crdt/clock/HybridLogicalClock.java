package io.pluresdb.crdt.clock;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * Issues {@link OpId}s as a hybrid logical clock (Kulkarni, Demirbas et al., "Logical Physical
 * Clocks and Consistent Snapshots in Globally Distributed Databases", 2014): the physical part
 * follows the wall clock when it moves forward, and the logical counter orders ids within one
 * millisecond or while the wall clock lags behind an id already seen. Hence every id issued is
 * greater than every id this clock issued or {@link #observe observed}, so id order respects
 * causality, and the ids of one node are strictly increasing.
 *
 * <p>Thread-safe: all state is guarded by the instance monitor; calls are short.
 */
public final class HybridLogicalClock {
  private static final long MAX_COUNTER = 0xFFFF_FFFFL;

  private final Clock wall;
  private final long node;
  private final Duration maxDrift;
  private long millis;
  private long counter;

  public HybridLogicalClock(Clock wall, long node, Duration maxDrift) {
    this.wall = wall;
    this.node = node;
    this.maxDrift = maxDrift;
  }

  /** This clock's node id (48 bits). */
  public long node() {
    return node;
  }

  /** A new id, greater than every id issued or observed so far. */
  public synchronized OpId next() {
    long now = wall.millis();
    if (now > millis) {
      millis = now;
      counter = 0;
    } else if (counter == MAX_COUNTER) {
      // the counter is exhausted: borrow the next millisecond rather than wrap
      millis++;
      counter = 0;
    } else {
      counter++;
    }
    return OpId.of(millis, counter, node);
  }

  /** Milliseconds of the clock: the wall clock, or the last id's time when that is ahead. */
  public synchronized long now() {
    return Math.max(wall.millis(), millis);
  }

  /** Fails with SQLState 22008 when {@code id} lies further than the allowed drift ahead. */
  public void checkDrift(OpId id) throws SQLException {
    long ahead = aheadMillis(id);
    if (ahead > maxDrift.toMillis()) {
      throw Errors.of(
          SqlState.DATETIME_FIELD_OVERFLOW, driftMessage(id, ahead, maxDrift.toMillis()));
    }
  }

  /** How far {@code id} lies ahead of the wall clock, in ms (negative when it lies behind). */
  public long aheadMillis(OpId id) {
    return id.millis() - wall.millis();
  }

  /** How far ahead of the wall clock a received id may lie. */
  public Duration maxDrift() {
    return maxDrift;
  }

  /**
   * The one wording of a drift refusal, whether it is thrown or reported as a value: {@code id}
   * lies {@code aheadMillis} in the future, beyond {@code allowedMillis}.
   */
  public static String driftMessage(OpId id, long aheadMillis, long allowedMillis) {
    return String.format(
        Locale.ROOT,
        "operation %s of node %012x is %d ms in the future, beyond the allowed clock drift of %d ms",
        id,
        id.node(),
        aheadMillis,
        allowedMillis);
  }

  /**
   * Advances the clock past an id received from another node, so later local ids order after it.
   * Fails with SQLState 22008 when the id lies further than the allowed drift in the future.
   */
  public synchronized void observe(OpId id) throws SQLException {
    checkDrift(id);
    advanceTo(id);
  }

  /** Like {@link #observe} without the drift check: for ids already in the local log. */
  public synchronized void advanceTo(OpId id) {
    if (id.millis() > millis || id.millis() == millis && id.counter() > counter) {
      millis = id.millis();
      counter = id.counter();
    }
  }
}
