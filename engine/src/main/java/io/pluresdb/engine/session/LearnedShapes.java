package io.pluresdb.engine.session;

import io.pluresdb.sql.plan.Plan;
import io.pluresdb.sql.shape.PlanUnifier;
import io.pluresdb.sql.shape.QueryShapes;
import io.pluresdb.sql.shape.Shaped;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Plans of SELECT, UPDATE and DELETE shapes ({@link QueryShapes}), learned from their statements:
 * the first statements of a shape are planned from their own text, and once two of them with
 * different literals have plans that differ only in those literals ({@link PlanUnifier}), later
 * statements of the shape bind their literals to the learned plan instead of being planned. A shape
 * whose plans keep differing otherwise (a literal labels a column, or types a result) is given up
 * after a few tries, and its statements are planned from their text, as without shapes.
 *
 * <p>Thread-safe: shared by every session of a store, like the plan cache.
 */
final class LearnedShapes {
  /** Pairs of statements compared before a shape is given up. */
  private static final int TRIES = 3;

  private record Key(String shape, long version) {}

  /** What is known of a shape: a statement's plan to compare with, or the learned template. */
  private record Entry(
      @Nullable Plan sample,
      List<@Nullable Object> literals,
      PlanUnifier.@Nullable Template template,
      int tries) {}

  private final int capacity;
  private final ConcurrentHashMap<Key, Entry> shapes = new ConcurrentHashMap<>();

  LearnedShapes(int capacity) {
    this.capacity = capacity;
  }

  /** The learned plan of {@code shaped}'s shape for that catalog version, when it fits. */
  PlanUnifier.@Nullable Template template(Shaped shaped, long version) {
    Entry e = shapes.get(new Key(shaped.shape(), version));
    PlanUnifier.Template t = e == null ? null : e.template();
    return t != null && t.fits(shaped.literals()) ? t : null;
  }

  /**
   * Learns from {@code plan}, the plan of a statement of {@code shaped}'s shape made from its text.
   */
  void learn(Shaped shaped, long version, Plan plan) {
    Key key = new Key(shaped.shape(), version);
    if (shapes.size() >= capacity && !shapes.containsKey(key)) {
      shapes.keySet().removeIf(k -> k.version() < version);
      if (shapes.size() >= capacity) {
        shapes.clear();
      }
    }
    shapes.compute(key, (k, e) -> next(e, shaped.literals(), plan));
  }

  private static Entry next(@Nullable Entry e, List<@Nullable Object> literals, Plan plan) {
    if (e == null) {
      return new Entry(plan, literals, null, 0);
    }
    if (e.template() != null || e.sample() == null || e.literals().equals(literals)) {
      return e; // learned, given up, or nothing new to compare
    }
    PlanUnifier.Template t = PlanUnifier.unify(e.sample(), e.literals(), plan, literals);
    if (t != null) {
      return new Entry(null, List.of(), t, e.tries());
    }
    return e.tries() + 1 >= TRIES
        ? new Entry(null, List.of(), null, e.tries() + 1)
        : new Entry(plan, literals, null, e.tries() + 1);
  }
}
