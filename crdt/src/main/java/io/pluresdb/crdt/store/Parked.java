package io.pluresdb.crdt.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Received transactions that cannot be applied yet (kept until what they wait for arrives), as
 * counted for one origin or for the whole store, with the oldest of them.
 *
 * @param count how many are parked
 * @param oldestSince when the oldest was parked, or null when none is
 * @param oldestReason what the oldest waits for, or null when none is
 * @param oldestTx the id of the oldest, or null when none is
 */
public record Parked(
    long count,
    @Nullable Instant oldestSince,
    @Nullable String oldestReason,
    @Nullable String oldestTx) {

  /** Nothing parked. */
  public static final Parked NONE = new Parked(0, null, null, null);

  /**
   * The oldest as one line ("oldest X parked since T: waits for ..."), or "" when none is parked.
   */
  public String describe() {
    return count == 0
        ? ""
        : "oldest " + oldestTx + " parked since " + oldestSince + ": " + oldestReason;
  }
}
