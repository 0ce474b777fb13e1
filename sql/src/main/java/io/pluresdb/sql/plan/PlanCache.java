package io.pluresdb.sql.plan;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Plans by SQL text (exactly as received, before any parsing) and catalog version. A hit costs one
 * hash lookup of the text, so a repeated or prepared statement skips the parser and Calcite
 * entirely.
 *
 * <p>Thread-safe. Bounded: when full, entries of older catalog versions go first, then all.
 */
public final class PlanCache {
  private record Key(String sql, long version) {}

  private final int capacity;
  private final ConcurrentHashMap<Key, Plan> plans = new ConcurrentHashMap<>();
  private final AtomicLong hits = new AtomicLong();

  public PlanCache(int capacity) {
    this.capacity = capacity;
  }

  /** The cached plan, or null. */
  public Plan get(String sql, long version) {
    Plan p = plans.get(new Key(sql, version));
    if (p != null) {
      hits.incrementAndGet();
    }
    return p;
  }

  public void put(String sql, long version, Plan plan) {
    if (plans.size() >= capacity) {
      plans.keySet().removeIf(k -> k.version < version);
      if (plans.size() >= capacity) {
        plans.clear();
      }
    }
    plans.put(new Key(sql, version), plan);
  }

  /** How many lookups found a plan (for tests and metrics). */
  public long hits() {
    return hits.get();
  }

  public int size() {
    return plans.size();
  }
}
