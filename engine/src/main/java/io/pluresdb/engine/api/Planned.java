package io.pluresdb.engine.api;

import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.sql.plan.Plan;
import io.pluresdb.sql.plan.Prepared;
import io.pluresdb.sql.read.ColumnMeta;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A prepared statement as a session hands it out: the plan and the catalog it was planned for, so
 * that executing it never goes back to the text. Only when the catalog has moved since (DDL) does
 * the session plan it again, and then it keeps the fresh plan here for the executions that follow.
 *
 * <p>Not thread-safe: it belongs to the one JDBC statement that prepared it, which executes it on
 * one thread at a time; the field is volatile only so that metadata calls from another thread see a
 * whole plan.
 */
public final class Planned implements Prepared {
  private final String sql;
  private volatile For current;

  /**
   * A plan and what it was planned for.
   *
   * @param catalogVersion the version of the catalog it was planned against
   * @param uncommitted that catalog when it held a transaction's uncommitted DDL (whose version
   *     number another session may reach with a different schema), else null
   * @param literals when the plan is that of the statement's shape (an INSERT … VALUES, or a shape
   *     whose plan was learned, with its literals taken out), the literals, bound as its
   *     parameters; else null
   */
  public record For(
      Plan plan, long catalogVersion, Catalog uncommitted, @Nullable List<Object> literals) {
    /** A plan of the statement's own text, which binds only the user's parameters. */
    public For(Plan plan, long catalogVersion, Catalog uncommitted) {
      this(plan, catalogVersion, uncommitted, null);
    }

    /** True when {@code catalog} is the one the plan was made for. */
    public boolean fits(Catalog catalog) {
      return catalog.version() == catalogVersion && (uncommitted == null || uncommitted == catalog);
    }

    /**
     * The values the plan's parameters take: the literals taken out of the text when the plan is
     * its shape's (the text then has no parameters of its own), else the user's {@code given}.
     */
    public List<Object> params(List<Object> given) {
      return literals != null ? literals : given;
    }
  }

  public Planned(String sql, For planned) {
    this.sql = sql;
    this.current = planned;
  }

  /** The plan and the catalog it was made for. */
  public For current() {
    return current;
  }

  /** Keeps the plan made again after the catalog moved (see the class comment). */
  public void replanned(For fresh) {
    this.current = fresh;
  }

  public Plan plan() {
    return current.plan();
  }

  @Override
  public String sql() {
    return sql;
  }

  @Override
  public boolean returnsRows() {
    return plan().returnsRows();
  }

  @Override
  public List<ColumnMeta> columns() {
    return plan().columns();
  }

  @Override
  public List<ColumnType> parameterTypes() {
    // a shape's parameters are the text's literals, not the user's to set
    For planned = current;
    return planned.literals() != null ? List.of() : planned.plan().parameterTypes();
  }
}
