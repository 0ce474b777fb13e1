package io.pluresdb.engine.api;

import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.sql.plan.Plan;
import io.pluresdb.sql.plan.Prepared;
import io.pluresdb.sql.read.ColumnMeta;
import java.util.List;

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
   */
  public record For(Plan plan, long catalogVersion, Catalog uncommitted) {
    /** True when {@code catalog} is the one the plan was made for. */
    public boolean fits(Catalog catalog) {
      return catalog.version() == catalogVersion && (uncommitted == null || uncommitted == catalog);
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
    return plan().parameterTypes();
  }
}
