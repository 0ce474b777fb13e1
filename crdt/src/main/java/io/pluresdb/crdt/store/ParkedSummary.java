package io.pluresdb.crdt.store;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What is parked in a store (see {@link Store#parked}): in total and per origin, the peer node a
 * transaction was first received from ({@link Store#applyRemote(java.util.List, String)}; "" when
 * it came with no origin, as from a tool).
 *
 * @param total every parked transaction
 * @param byOrigin the parked transactions of each origin that has any
 */
public record ParkedSummary(Parked total, Map<String, Parked> byOrigin) {
  /** Nothing parked. */
  public static final ParkedSummary NONE = new ParkedSummary(Parked.NONE, Map.of());

  public ParkedSummary {
    byOrigin = Map.copyOf(byOrigin);
  }

  /** What is parked from {@code origin} (none for null, a peer not yet identified). */
  public Parked of(@Nullable String origin) {
    Parked p = origin == null ? null : byOrigin.get(origin);
    return p == null ? Parked.NONE : p;
  }
}
