package io.pluresdb.sql.plan;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.sql.calcite.PlanningContext;
import io.pluresdb.sql.catalog.CalciteCatalogs;
import io.pluresdb.sql.live.LiveCompiler;
import io.pluresdb.sql.parser.SqlTrees;
import io.pluresdb.sql.parser.live.SqlListen;
import io.pluresdb.sql.parser.live.SqlNotify;
import io.pluresdb.sql.parser.live.SqlSubscribe;
import io.pluresdb.sql.parser.live.SqlUnlisten;
import io.pluresdb.sql.read.QueryCompiler;
import io.pluresdb.sql.read.ReadPlan;
import io.pluresdb.sql.vector.TopKPlanner;
import io.pluresdb.sql.vector.VectorTopK;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSetOption;

/** Plans of the statements that are neither reads, writes nor DDL: live, EXPLAIN and SET. */
final class CommandPlans {
  private CommandPlans() {}

  /** SUBSCRIBE, LISTEN, UNLISTEN and NOTIFY, or null for other statements. */
  static Plan live(String sql, PlanningContext context, SqlNode node) throws SQLException {
    if (node instanceof SqlSubscribe s) {
      return new Plan.Subscribe(sql, LiveCompiler.compile(context, s.query(), sql));
    }
    if (node instanceof SqlListen l) {
      return new Plan.Channel(sql, Plan.ChannelCommand.LISTEN, l.channel(), null);
    }
    if (node instanceof SqlUnlisten u) {
      return new Plan.Channel(sql, Plan.ChannelCommand.UNLISTEN, u.channel(), null);
    }
    if (node instanceof SqlNotify n) {
      String payload = n.payload();
      return new Plan.Channel(
          sql, Plan.ChannelCommand.NOTIFY, n.channel(), payload == null ? "" : payload);
    }
    return null;
  }

  static Plan explain(
      String sql, PlanningContext context, CalciteCatalogs schemas, SqlExplain explain, int params)
      throws SQLException {
    SqlNode query = explain.getExplicandum();
    if (!query.getKind().belongsTo(SqlKind.QUERY)) {
      throw Errors.of(SqlState.FEATURE_NOT_SUPPORTED, "EXPLAIN supports queries only");
    }
    // Relational conversion and compilation each validate (and so change) their own tree.
    List<String> lines = new ArrayList<>(Explainer.relationalPlan(context, SqlTrees.copy(query)));
    ReadPlan read = QueryCompiler.compile(context, SqlTrees.copy(query));
    VectorTopK topK = TopKPlanner.plan(sql, context, schemas, query, params, read);
    if (topK != null) {
      lines.add(topK.explain());
      read = topK.restrictedForDisplay();
    }
    lines.add("SQLite: " + read.sqliteSql().replace('\n', ' '));
    return new Plan.Explain(sql, lines, read.parameterTypes());
  }

  /** The session settings {@code SET} may change. */
  static final java.util.Set<String> SETTINGS = java.util.Set.of("ef_search");

  static Plan setting(String sql, SqlSetOption set) throws SQLException {
    String name = set.name().toString().toLowerCase(Locale.ROOT);
    if (!SETTINGS.contains(name) || set.getValue() == null) {
      throw Errors.of(
          SqlState.FEATURE_NOT_SUPPORTED,
          "SET " + name + " is not supported; the session settings are " + SETTINGS);
    }
    SqlNode value = set.getValue();
    String text = value instanceof SqlLiteral l ? l.toValue() : value.toString();
    return new Plan.Setting(sql, name, text);
  }
}
