package io.pluresdb.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.sql.parser.dml.ConflictAction;
import io.pluresdb.sql.parser.dml.SqlDefaultValuesInsert;
import io.pluresdb.sql.parser.dml.SqlReturning;
import io.pluresdb.sql.parser.dml.SqlUpsert;
import java.sql.SQLException;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.util.SqlShuttle;
import org.junit.jupiter.api.Test;

class DmlParserTest {

  @Test
  void plainInsertStaysCalcitesInsert() throws SQLException {
    SqlNode node = SqlParsers.parse("INSERT INTO album (id, name) VALUES (?, ?)");
    assertThat(node).isInstanceOf(SqlInsert.class);
    assertThat(((SqlInsert) node).getTargetColumnList()).hasSize(2);
  }

  @Test
  void defaultValuesIsAnInsertOfOneEmptyRowIntoNoColumns() throws SQLException {
    SqlInsert insert = (SqlInsert) SqlParsers.parse("insert into t default values");
    assertThat(insert).isInstanceOf(SqlDefaultValuesInsert.class);
    assertThat(insert.getTargetColumnList()).isEmpty();
    assertThat(insert.getSource().getKind()).isEqualTo(SqlKind.VALUES);
    List<SqlNode> rows = ((SqlCall) insert.getSource()).getOperandList();
    assertThat(rows).hasSize(1);
    assertThat(((SqlCall) rows.get(0)).getOperandList()).isEmpty();

    SqlReturning returning =
        (SqlReturning) SqlParsers.parse("INSERT INTO t DEFAULT VALUES RETURNING id");
    assertThat(((SqlInsert) returning.statement()).getTargetColumnList()).isEmpty();
  }

  @Test
  void onConflictDoUpdateRecordsTargetAssignmentsAndCondition() throws SQLException {
    SqlUpsert upsert =
        (SqlUpsert)
            SqlParsers.parse(
                "INSERT INTO t (a, b) VALUES (1, 2) ON CONFLICT (a) DO UPDATE "
                    + "SET b = excluded.b + t.b WHERE t.b < 10");
    SqlUpsert.Clause c = upsert.conflict();
    assertThat(c.action()).isEqualTo(ConflictAction.UPDATE);
    assertThat(c.target()).extracting(n -> ((SqlIdentifier) n).getSimple()).containsExactly("a");
    assertThat(c.targetColumns())
        .extracting(n -> ((SqlIdentifier) n).getSimple())
        .containsExactly("b");
    assertThat(c.values().get(0).toString()).contains("`excluded`.`b`");
    assertThat(c.where()).isNotNull();
    assertThat(((SqlIdentifier) upsert.insert().getTargetTable()).getSimple()).isEqualTo("t");
  }

  @Test
  void insertOrIgnoreAndDoNothingAreTheSameClause() throws SQLException {
    SqlUpsert ignore = (SqlUpsert) SqlParsers.parse("INSERT OR IGNORE INTO t VALUES (1)");
    SqlUpsert nothing =
        (SqlUpsert) SqlParsers.parse("INSERT INTO t VALUES (1) ON CONFLICT DO NOTHING");
    assertThat(ignore.conflict()).isEqualTo(SqlUpsert.Clause.of(ConflictAction.NOTHING));
    assertThat(nothing.conflict()).isEqualTo(SqlUpsert.Clause.of(ConflictAction.NOTHING));
    SqlUpsert replace = (SqlUpsert) SqlParsers.parse("INSERT OR REPLACE INTO t VALUES (1)");
    assertThat(replace.conflict().action()).isEqualTo(ConflictAction.REPLACE);
  }

  @Test
  void returningWrapsInsertUpdateAndDelete() throws SQLException {
    SqlReturning insert =
        (SqlReturning) SqlParsers.parse("INSERT INTO t (a) VALUES (1) RETURNING id, a AS x");
    assertThat(insert.statement()).isInstanceOf(SqlInsert.class);
    assertThat(insert.columns()).hasSize(2);

    SqlReturning upsert =
        (SqlReturning)
            SqlParsers.parse("INSERT INTO t (a) VALUES (1) ON CONFLICT DO NOTHING RETURNING *");
    assertThat(upsert.statement()).isInstanceOf(SqlUpsert.class);
    assertThat(((SqlIdentifier) upsert.columns().get(0)).isStar()).isTrue();

    SqlReturning update =
        (SqlReturning) SqlParsers.parse("UPDATE t SET a = 1 WHERE b = 2 RETURNING a");
    assertThat(update.statement()).isInstanceOf(SqlUpdate.class);
    assertThat(((SqlUpdate) update.statement()).getCondition()).isNotNull();

    SqlReturning delete = (SqlReturning) SqlParsers.parse("DELETE FROM t RETURNING id");
    assertThat(delete.statement()).isInstanceOf(SqlDelete.class);
  }

  @Test
  void updateAndDeleteWithoutReturningAreCalcitesNodes() throws SQLException {
    SqlUpdate update = (SqlUpdate) SqlParsers.parse("UPDATE t AS x SET a = a + 1 WHERE x.b = 2");
    assertThat(update.getAlias().getSimple()).isEqualTo("x");
    assertThat(update.getSourceExpressionList()).hasSize(1);
    SqlDelete delete = (SqlDelete) SqlParsers.parse("DELETE FROM t x WHERE x.a = 1");
    assertThat(delete.getAlias().getSimple()).isEqualTo("x");
  }

  @Test
  void shuttlesThatRewriteIdentifiersKeepUpsertAndReturningNodes() throws SQLException {
    SqlNode node =
        SqlParsers.parse(
            "INSERT INTO t (a, b) VALUES (1, 2) ON CONFLICT (a) DO UPDATE SET b = excluded.b "
                + "WHERE t.b < 3 RETURNING a");
    SqlNode copy =
        node.accept(
            new SqlShuttle() {
              @Override
              public SqlNode visit(SqlIdentifier id) {
                return id.isStar()
                    ? id
                    : new SqlIdentifier(
                        id.names.stream().map(n -> n.equals("b") ? "c" : n).toList(),
                        id.getParserPosition());
              }
            });
    SqlReturning returning = (SqlReturning) copy;
    SqlUpsert upsert = (SqlUpsert) returning.statement();
    assertThat(upsert.conflict().action()).isEqualTo(ConflictAction.UPDATE);
    assertThat(SqlParsers.unparse(copy).replaceAll("\\s+", " "))
        .isEqualTo(
            "INSERT INTO t (a, c) VALUES ROW(1, 2) ON CONFLICT (a) DO UPDATE SET "
                + "c = excluded.c WHERE t.c < 3 RETURNING a");
  }
}
