package io.pluresdb.jdbc;

import java.sql.SQLException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Receives a live query's changes ({@link PluresConnection#subscribe}). Calls come one at a time,
 * in commit order, on a driver thread that holds no lock; a slow listener does not slow writers or
 * other subscriptions, and when it falls behind its bounded buffer it is sent a {@link
 * LiveChange.Kind#RESET} and the current result instead of the changes it missed.
 */
@FunctionalInterface
public interface LiveListener {
  /** The changes committed since the last call (the initial rows first). */
  void onChanges(List<LiveChange> changes);

  /**
   * The subscription ended: closed by its owner ({@code cause} null), or because the connection or
   * database went away or the query failed. The last call.
   */
  default void onEnd(@Nullable SQLException cause) {}
}
