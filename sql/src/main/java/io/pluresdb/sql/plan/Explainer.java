package io.pluresdb.sql.plan;

import io.pluresdb.sql.calcite.CalciteErrors;
import io.pluresdb.sql.calcite.PlanningContext;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.sql2rel.StandardConvertletTable;

/**
 * The relational plan of a query, for EXPLAIN only: execution never builds one (queries are pushed
 * to SQLite from the validated tree), so the cost of relational conversion is paid only when a user
 * asks to see it.
 */
final class Explainer {
  private Explainer() {}

  static List<String> relationalPlan(PlanningContext context, SqlNode query) throws SQLException {
    SqlValidator validator = context.newValidator();
    try {
      SqlNode validated = validator.validate(query);
      RelOptCluster cluster =
          RelOptCluster.create(
              new HepPlanner(HepProgram.builder().build()), new RexBuilder(context.typeFactory()));
      SqlToRelConverter converter =
          new SqlToRelConverter(
              null,
              validator,
              context.reader(),
              cluster,
              StandardConvertletTable.INSTANCE,
              SqlToRelConverter.config().withExpand(false));
      RelRoot root = converter.convertQuery(validated, false, true);
      List<String> lines = new ArrayList<>();
      for (String line : RelOptUtil.toString(root.project()).split("\n")) {
        if (!line.isBlank()) {
          lines.add(line);
        }
      }
      return lines;
    } catch (RuntimeException e) {
      throw CalciteErrors.map(e);
    }
  }
}
