package io.pluresdb.engine.session;

import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.sql.catalog.CalciteCatalogs;
import io.pluresdb.sql.plan.Plan;
import io.pluresdb.sql.plan.PlanCache;
import io.pluresdb.sql.shape.Shaped;
import io.pluresdb.sql.write.InsertPlan;
import io.pluresdb.sql.write.ValueSource;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plans by statement shape ({@link Shaped}): the first statement of a shape plans the shape's text,
 * whose parameters stand for the literals taken out, and every later one of that shape only binds
 * its own literals to that plan. A shape whose plan does not take each literal as its value (an
 * INSERT into a view, a shape the planner refuses) is remembered as such, and its statements are
 * planned from their text, as they would be without shapes.
 *
 * <p>Thread-safe: shared by every session of a store, like the plan cache.
 */
final class ShapedPlans {
  private record Key(String shape, long version) {}

  private final int capacity;
  private final PlanCache plans;
  private final Set<Key> refused = ConcurrentHashMap.newKeySet();

  ShapedPlans(int capacity) {
    this.capacity = capacity;
    this.plans = new PlanCache(capacity);
  }

  /**
   * The plan of {@code shaped}'s shape for a committed catalog, or null when its statements are to
   * be planned from their text.
   *
   * @param planned counts a plan made
   */
  Plan plan(Shaped shaped, Catalog catalog, CalciteCatalogs schemas, Runnable planned) {
    Plan cached = plans.get(shaped.shape(), catalog.version());
    if (cached != null) {
      return cached;
    }
    Key key = new Key(shaped.shape(), catalog.version());
    if (refused.contains(key)) {
      return null;
    }
    Plan plan;
    try {
      plan = Planner.planText(shaped.shape(), catalog, schemas);
      planned.run();
    } catch (SQLException e) {
      // the text's own planning reports the error, in the text's own terms
      plan = null;
    }
    if (plan == null || !bindsEachLiteral(plan, shaped.literals().size())) {
      if (refused.size() >= capacity) {
        refused.clear();
      }
      refused.add(key);
      return null;
    }
    plans.put(shaped.shape(), catalog.version(), plan);
    return plan;
  }

  /**
   * True when {@code plan} is an INSERT of rows whose values include parameters 0 to {@code count -
   * 1} in order and as values of their own: then binding the literals gives each column the value
   * the literal would have given it.
   */
  static boolean bindsEachLiteral(Plan plan, int count) {
    if (!(plan instanceof Plan.Write w
        && w.returning() == null
        && w.kind() instanceof InsertPlan insert
        && insert.query() == null
        && insert.parameterTypes().size() == count)) {
      return false;
    }
    int next = 0;
    for (List<ValueSource> row : insert.rows()) {
      for (ValueSource value : row) {
        if (value instanceof ValueSource.Param p) {
          if (p.index() != next) {
            return false;
          }
          next++;
        } else if (value instanceof ValueSource.Pushed pushed
            && pushed.query().placeholderCount() > 0) {
          return false; // an expression kept in the shape binds none of the literals
        }
      }
    }
    return next == count;
  }
}
