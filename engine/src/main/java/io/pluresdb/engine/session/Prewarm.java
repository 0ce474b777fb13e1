package io.pluresdb.engine.session;

import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.sql.catalog.CalciteCatalogs;
import io.pluresdb.sql.plan.StatementPlanner;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Loads and initialises the parser and Calcite's validator (its operator tables are built by
 * reflection, and the generated parser is a large class) in the background, once per JVM, so that
 * this one-time cost overlaps with starting the engine's services instead of delaying the first
 * query.
 */
public final class Prewarm {
  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private Prewarm() {}

  /** Starts warming up on {@code background} unless already started; returns at once. */
  public static void start(Executor background) {
    if (STARTED.compareAndSet(false, true)) {
      background.execute(Prewarm::run);
    }
  }

  private static void run() {
    TableDef t =
        new TableDef(
            "t",
            List.of(ColumnDef.of("x", ColumnType.VARCHAR), ColumnDef.of("y", ColumnType.INTEGER)),
            List.of(),
            List.of(),
            List.of(),
            List.of());
    Catalog catalog = new Catalog(-1, Map.of("t", t), Map.of(), Map.of());
    CalciteCatalogs schemas = new CalciteCatalogs();
    try {
      StatementPlanner.plan(
          "SELECT a.x, COUNT(*) FROM t a WHERE a.y = ? AND a.x LIKE 'p%' GROUP BY a.x"
              + " ORDER BY 2 DESC LIMIT 10",
          catalog, schemas);
      StatementPlanner.plan("INSERT INTO t VALUES (?, 1)", catalog, schemas);
      StatementPlanner.plan("UPDATE t SET y = y + 1 WHERE x = ?", catalog, schemas);
    } catch (SQLException | RuntimeException e) {
      // Warming up is an optimisation only; the real statement reports any real problem.
    }
  }
}
