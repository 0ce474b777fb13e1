package io.pluresdb.sql.shape;

import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.sql.plan.Plan;
import io.pluresdb.sql.read.ReadPlan;
import io.pluresdb.sql.write.ValueSource;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Learns a shape's plan from two of its statements: each planned from its own text, literals and
 * all, so that each plan means what its text means. Where the two plans differ only in values that
 * came from the same literal of each statement (in the SQLite statement a query pushes down, or as
 * a value written), the template takes that literal as a parameter; anything else that differs (a
 * column's label or type, a different statement) means the plan depends on the literal, and there
 * is no template. Nor is there one when a literal that differs is nowhere in the plans: the planner
 * folded it into something else.
 *
 * <p>The template binds each literal as SQLite reads the same literal: with its own storage class
 * ({@link ColumnType#ANY}: an integer, a real, text or a blob), never converted to the type the
 * planner infers for a parameter, so SQLite's affinity rules give the answers the text gives.
 * Literals equal in both statements stay in the template as written; a statement using it must have
 * those same values there ({@code fixed}).
 *
 * <p>Stateless and thread-safe.
 */
public final class PlanUnifier {
  /** A shape's learned plan and the literals it keeps as written (null where it binds one). */
  public record Template(Plan plan, List<@Nullable Object> fixed) {
    public Template {
      fixed = Collections.unmodifiableList(new ArrayList<>(fixed));
    }

    /** True when {@code literals} have this template's kept values where it keeps one. */
    public boolean fits(List<@Nullable Object> literals) {
      if (literals.size() != fixed.size()) {
        return false;
      }
      for (int j = 0; j < fixed.size(); j++) {
        Object f = fixed.get(j);
        if (f != FREE && !Slots.same(f, literals.get(j))) {
          return false;
        }
      }
      return true;
    }
  }

  /** Marks a literal the template binds. */
  private static final Object FREE = new Object();

  private PlanUnifier() {}

  /** Thrown inside the walk when the two plans differ otherwise than in literals. */
  private static final class Differs extends Exception {
    private static final long serialVersionUID = 1L;

    Differs() {
      super(null, null, false, false);
    }
  }

  /**
   * The template of two plans of one shape's statements whose literals are {@code first} and {@code
   * second}, or null when the plans differ otherwise than in those literals.
   */
  public static @Nullable Template unify(
      Plan a, List<@Nullable Object> first, Plan b, List<@Nullable Object> second) {
    if (first.size() != second.size()
        || !(a instanceof Plan.Query || a instanceof Plan.Write)
        || a.getClass() != b.getClass()) {
      return null;
    }
    Slots slots = new Slots(first, second);
    try {
      Plan plan = (Plan) Objects.requireNonNull(walk(a, b, slots));
      if (!slots.allVaryingFound()) {
        return null;
      }
      List<@Nullable Object> fixed = new ArrayList<>();
      for (int j = 0; j < first.size(); j++) {
        fixed.add(Slots.same(first.get(j), second.get(j)) ? first.get(j) : FREE);
      }
      return new Template(plan, fixed);
    } catch (Differs e) {
      return null;
    }
  }

  private static @Nullable Object walk(@Nullable Object a, @Nullable Object b, Slots slots)
      throws Differs {
    if (a == b) {
      return a;
    }
    if (a == null || b == null || a.getClass() != b.getClass()) {
      throw new Differs();
    }
    if (a instanceof ReadPlan x) {
      return read(x, (ReadPlan) b, slots);
    }
    if (a instanceof ValueSource.Constant x) {
      Object va = x.value();
      Object vb = ((ValueSource.Constant) b).value();
      if (Slots.same(va, vb)) {
        return a;
      }
      int slot = slots.of(va, vb);
      if (slot < 0) {
        throw new Differs();
      }
      return new ValueSource.Param(slot);
    }
    if (a instanceof List<?> x) {
      List<?> y = (List<?>) b;
      if (x.size() != y.size()) {
        throw new Differs();
      }
      List<@Nullable Object> out = new ArrayList<>(x.size());
      for (int k = 0; k < x.size(); k++) {
        out.add(walk(x.get(k), y.get(k), slots));
      }
      return Collections.unmodifiableList(out);
    }
    if (a instanceof Record) {
      return record(a, b, slots);
    }
    if (!Objects.deepEquals(a, b)) {
      throw new Differs();
    }
    return a;
  }

  private static ReadPlan read(ReadPlan a, ReadPlan b, Slots slots) throws Differs {
    SqlTemplate sql =
        SqlTemplate.of(a.sqliteSql(), a.paramOrder(), b.sqliteSql(), b.paramOrder(), slots);
    if (sql == null
        || !a.parameterTypes().isEmpty()
        || !b.parameterTypes().isEmpty()
        || !java.util.Arrays.equals(a.exactScale(), b.exactScale())) {
      throw new Differs();
    }
    @SuppressWarnings("unchecked")
    List<io.pluresdb.sql.read.ColumnMeta> columns =
        (List<io.pluresdb.sql.read.ColumnMeta>) walk(a.columns(), b.columns(), slots);
    return new ReadPlan(sql.sql(), sql.paramOrder(), columns, literalTypes(slots), a.exactScale());
  }

  private static List<ColumnType> literalTypes(Slots slots) {
    return Collections.nCopies(slots.count(), ColumnType.ANY);
  }

  /** A record rebuilt from its components, each made one; the statement text stays the first's. */
  private static Object record(Object a, Object b, Slots slots) throws Differs {
    RecordComponent[] components = a.getClass().getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    try {
      for (int k = 0; k < components.length; k++) {
        RecordComponent c = components[k];
        types[k] = c.getType();
        Object x = c.getAccessor().invoke(a);
        Object y = c.getAccessor().invoke(b);
        if (a instanceof Plan && "sql".equals(c.getName())) {
          values[k] = x;
        } else if ("parameterTypes".equals(c.getName())) {
          if (!((List<?>) x).isEmpty() || !((List<?>) y).isEmpty()) {
            throw new Differs();
          }
          values[k] = literalTypes(slots);
        } else {
          values[k] = walk(x, y, slots);
        }
      }
      return a.getClass().getDeclaredConstructor(types).newInstance(values);
    } catch (ReflectiveOperationException | ClassCastException | IllegalArgumentException e) {
      throw new Differs(); // a record this cannot rebuild is one it cannot learn
    }
  }
}
