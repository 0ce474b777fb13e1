package io.pluresdb.sql.plan;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.SchemaChange;
import io.pluresdb.crdt.store.OnConflict;
import io.pluresdb.sql.calcite.PlanningContext;
import io.pluresdb.sql.calcite.SqlFront;
import io.pluresdb.sql.catalog.CalciteCatalogs;
import io.pluresdb.sql.live.LiveCompiler;
import io.pluresdb.sql.parser.SqlTrees;
import io.pluresdb.sql.parser.dml.SqlLockingQuery;
import io.pluresdb.sql.parser.dml.SqlResolved;
import io.pluresdb.sql.parser.dml.SqlReturning;
import io.pluresdb.sql.parser.dml.SqlUpsert;
import io.pluresdb.sql.parser.live.SqlSubscribe;
import io.pluresdb.sql.parser.pragma.SqlPragma;
import io.pluresdb.sql.parser.sqlite.SqlQueryPlan;
import io.pluresdb.sql.parser.tx.SqlTransaction;
import io.pluresdb.sql.policy.PolicyStatements;
import io.pluresdb.sql.pragma.PragmaResult;
import io.pluresdb.sql.pragma.PragmaTables;
import io.pluresdb.sql.pragma.Pragmas;
import io.pluresdb.sql.pragma.SqliteSchema;
import io.pluresdb.sql.read.QueryCompiler;
import io.pluresdb.sql.read.QueryPlans;
import io.pluresdb.sql.read.ReadPlan;
import io.pluresdb.sql.trigger.TriggerStatements;
import io.pluresdb.sql.vector.TopKPlanner;
import io.pluresdb.sql.vector.VectorTopK;
import io.pluresdb.sql.write.ViewWritePlan;
import io.pluresdb.sql.write.ViewWrites;
import io.pluresdb.sql.write.WritePlanner;
import java.sql.SQLException;
import java.util.Locale;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSetOption;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.ddl.SqlTruncateTable;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Plans one SQL statement against one catalog: parse once, then dispatch on the statement's kind.
 * Every stage that validates works on its own copy of the parsed tree ({@link SqlTrees}); the text
 * is never parsed again.
 */
public final class StatementPlanner {
  private StatementPlanner() {}

  public static Plan plan(String sql, Catalog catalog, CalciteCatalogs schemas)
      throws SQLException {
    TriggerStatements.Statement trigger = TriggerStatements.read(sql, catalog);
    if (trigger != null) {
      return new Plan.Ddl(sql, trigger.change(), trigger.ifExists(), trigger.ifNotExists());
    }
    PolicyStatements.Statement policy = PolicyStatements.read(sql, catalog);
    if (policy != null) {
      return new Plan.Ddl(sql, policy.change(), policy.ifExists(), false);
    }
    Plan.Rows reindex = Reindex.plan(sql, catalog);
    if (reindex != null) {
      return reindex;
    }
    Plan.Vacuum vacuum = Vacuums.plan(sql);
    if (vacuum != null) {
      return vacuum;
    }
    SqlNode node = SqlFront.parse(sql);
    if (node instanceof SqlPragma pragma) {
      SchemaChange set = Pragmas.change(pragma);
      if (set != null) {
        return new Plan.Ddl(sql, set, false, false);
      }
      PragmaResult answer = Pragmas.answer(pragma, catalog);
      return new Plan.Rows(sql, answer.columns(), answer.rows());
    }
    PlanningContext context =
        new PlanningContext(
            SqliteSchema.forStatement(catalog, sql), schemas, PlanningContext.namesRowid(node));
    if (node instanceof SqlLockingQuery locking) {
      return locking(sql, context, locking.query());
    }
    int params = countParams(node);
    Plan.SequenceValue sequenceValue = SequenceCalls.plan(sql, node);
    if (sequenceValue != null) {
      return sequenceValue;
    }
    if (node instanceof SqlQueryPlan explain) {
      return new Plan.Query(sql, QueryPlans.plan(context, explain), false);
    }
    if (node.getKind().belongsTo(SqlKind.QUERY)) {
      SqlNode query = SqlTrees.copy(node);
      PragmaTables.rewrite(query, context.catalog());
      ReadPlan read = QueryCompiler.compile(context, query, sql);
      VectorTopK topK = TopKPlanner.plan(sql, context, schemas, node, params, read);
      return new Plan.Query(sql, read, false, topK);
    }
    if (node instanceof SqlExplain explain) {
      return CommandPlans.explain(sql, context, schemas, explain, params);
    }
    if (node instanceof SqlSetOption set) {
      return CommandPlans.setting(sql, set);
    }
    if (node instanceof SqlTransaction t) {
      return new Plan.Transaction(
          sql,
          switch (t.action()) {
            case BEGIN -> Plan.TxnCommand.BEGIN;
            case COMMIT -> Plan.TxnCommand.COMMIT;
            case ROLLBACK -> Plan.TxnCommand.ROLLBACK;
            case SAVEPOINT -> Plan.TxnCommand.SAVEPOINT;
            case RELEASE -> Plan.TxnCommand.RELEASE;
            case ROLLBACK_TO -> Plan.TxnCommand.ROLLBACK_TO;
          },
          t.savepoint());
    }
    Plan live = CommandPlans.live(sql, context, node);
    if (live != null) {
      return live;
    }
    Plan.Write write = resolvedWrite(sql, context, params, node);
    if (write != null) {
      return write;
    }
    Plan.Ddl ddl = new DdlPlanner(context).plan(sql, node);
    if (ddl != null) {
      return ddl;
    }
    String what =
        node instanceof SqlCall call && node.getKind() == SqlKind.OTHER
            ? call.getOperator().getName()
            : node.getKind().lowerName.replace('_', ' ');
    throw Errors.of(
        SqlState.FEATURE_NOT_SUPPORTED,
        what.toUpperCase(Locale.ROOT) + " statements are not supported yet");
  }

  /**
   * A query that ends in a locking clause: in a transaction it takes the store's writer first (see
   * {@link SqlLockingQuery}).
   */
  private static Plan locking(String sql, PlanningContext context, SqlNode query)
      throws SQLException {
    if (!query.getKind().belongsTo(SqlKind.QUERY)) {
      throw Errors.of(SqlState.SYNTAX_ERROR, "FOR UPDATE follows a query only");
    }
    return new Plan.Query(sql, QueryCompiler.compile(context, query, sql), true);
  }

  /**
   * The plan of a live subscription given as a query, with or without a leading SUBSCRIBE (as the
   * listener API takes it).
   */
  public static Plan.Subscribe subscription(String sql, Catalog catalog, CalciteCatalogs schemas)
      throws SQLException {
    SqlNode node = SqlFront.parse(sql);
    SqlNode query = node instanceof SqlSubscribe s ? s.query() : node;
    if (!query.getKind().belongsTo(SqlKind.QUERY)) {
      throw Errors.of(SqlState.SYNTAX_ERROR, "a subscription needs a query: " + sql);
    }
    return new Plan.Subscribe(
        sql, LiveCompiler.compile(new PlanningContext(catalog, schemas), query, sql));
  }

  /**
   * An INSERT, UPDATE or DELETE, with its RETURNING list and SQLite's conflict clause ({@code
   * INSERT OR FAIL}, {@code UPDATE OR IGNORE} …); null for other statements.
   */
  private static Plan.Write resolvedWrite(
      String sql, PlanningContext context, int params, SqlNode node) throws SQLException {
    if (node instanceof SqlResolved resolved) {
      Plan.Write inner = resolvedWrite(sql, context, params, resolved.statement());
      if (inner == null) {
        throw Errors.of(SqlState.SYNTAX_ERROR, "a conflict clause follows INSERT OR or UPDATE OR");
      }
      return inner.resolving(resolved.resolution());
    }
    if (node instanceof SqlReturning returning) {
      Plan.Write inner = write(sql, context, params, returning.statement());
      if (inner == null) {
        throw Errors.of(SqlState.SYNTAX_ERROR, "RETURNING follows INSERT, UPDATE or DELETE only");
      }
      return Returning.plan(inner, context.catalog(), returning.columns());
    }
    return write(sql, context, params, node);
  }

  private static Plan.Write write(String sql, PlanningContext context, int params, SqlNode node)
      throws SQLException {
    ViewWritePlan view = ViewWrites.plan(context, node);
    if (view != null) {
      return new Plan.Write(sql, view);
    }
    WritePlanner planner = new WritePlanner(context, params);
    if (node instanceof SqlUpsert upsert) {
      return new Plan.Write(sql, planner.insert(upsert.insert(), upsert.conflict()));
    }
    if (node instanceof SqlInsert insert) {
      return new Plan.Write(sql, planner.insert(insert, OnConflict.ERROR));
    }
    if (node instanceof SqlUpdate update) {
      return new Plan.Write(sql, planner.update(update));
    }
    if (node instanceof SqlDelete delete) {
      return new Plan.Write(sql, planner.delete(delete));
    }
    if (node instanceof SqlTruncateTable truncate) {
      // SQLite has no TRUNCATE; users of other databases send it: it deletes every row, as
      // operations that replicate
      return new Plan.Write(
          sql,
          planner.delete(
              new SqlDelete(truncate.getParserPosition(), truncate.name, null, null, null)));
    }
    return null;
  }

  private static int countParams(SqlNode node) {
    int[] max = {-1};
    node.accept(
        new SqlBasicVisitor<Void>() {
          @Override
          public Void visit(SqlDynamicParam param) {
            max[0] = Math.max(max[0], param.getIndex());
            return null;
          }
        });
    return max[0] + 1;
  }
}
