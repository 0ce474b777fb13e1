package io.pluresdb.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pluresdb.sql.parser.dml.SqlLockingQuery;
import io.pluresdb.sql.parser.live.SqlListen;
import io.pluresdb.sql.parser.live.SqlNotify;
import io.pluresdb.sql.parser.live.SqlSubscribe;
import io.pluresdb.sql.parser.live.SqlUnlisten;
import io.pluresdb.sql.parser.tx.SqlTransaction;
import io.pluresdb.sql.parser.tx.TransactionAction;
import java.sql.SQLException;
import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.junit.jupiter.api.Test;

class StatementsParserTest {

  @Test
  void transactionStatementsNameTheirAction() throws SQLException {
    assertThat(action("BEGIN")).isEqualTo(TransactionAction.BEGIN);
    assertThat(action("begin transaction;")).isEqualTo(TransactionAction.BEGIN);
    assertThat(action("START TRANSACTION")).isEqualTo(TransactionAction.BEGIN);
    assertThat(action("COMMIT")).isEqualTo(TransactionAction.COMMIT);
    assertThat(action("ROLLBACK WORK")).isEqualTo(TransactionAction.ROLLBACK);
    assertThat(SqlParsers.parse("COMMIT").getKind()).isEqualTo(SqlKind.COMMIT);
  }

  @Test
  void sqliteTransactionSpellingsParseToo() throws SQLException {
    assertThat(action("BEGIN IMMEDIATE")).isEqualTo(TransactionAction.BEGIN);
    assertThat(action("begin deferred;")).isEqualTo(TransactionAction.BEGIN);
    assertThat(action("START")).isEqualTo(TransactionAction.BEGIN);
    assertThat(action("START WORK")).isEqualTo(TransactionAction.BEGIN);
    assertThat(action("END")).isEqualTo(TransactionAction.COMMIT);
    assertThat(action("end transaction;")).isEqualTo(TransactionAction.COMMIT);
  }

  @Test
  void savepointStatementsNameTheirActionAndSavepoint() throws SQLException {
    for (String[] c :
        new String[][] {
          {"SAVEPOINT s1", "SAVEPOINT", "S1"},
          {"savepoint \"Mixed\";", "SAVEPOINT", "Mixed"},
          {"RELEASE s1", "RELEASE", "S1"},
          {"RELEASE SAVEPOINT s1", "RELEASE", "S1"},
          {"ROLLBACK TO s1", "ROLLBACK_TO", "S1"},
          {"ROLLBACK TRANSACTION TO SAVEPOINT s1", "ROLLBACK_TO", "S1"},
          {"ROLLBACK WORK TO s1", "ROLLBACK_TO", "S1"},
        }) {
      SqlTransaction t = (SqlTransaction) SqlParsers.parse(c[0]);
      assertThat(t.action().name()).as(c[0]).isEqualTo(c[1]);
      assertThat(t.savepoint()).as(c[0]).isEqualToIgnoringCase(c[2]);
    }
    assertThat(((SqlTransaction) SqlParsers.parse("ROLLBACK")).savepoint()).isNull();
  }

  @Test
  void aLockingClauseWrapsTheQueryItFollows() throws SQLException {
    for (String sql :
        List.of(
            "SELECT name FROM album FOR UPDATE",
            "select name from album a where a.id = ? for update of a skip locked;",
            "SELECT name FROM album FOR SHARE NOWAIT",
            "SELECT name FROM album\nFOR  NO KEY UPDATE OF album, \"x\".y WAIT 5",
            "SELECT name FROM album ORDER BY name LIMIT 1 FOR KEY SHARE")) {
      SqlNode node = SqlParsers.parse(sql);
      assertThat(node).as(sql).isInstanceOf(SqlLockingQuery.class);
      assertThat(((SqlLockingQuery) node).query().getKind().belongsTo(SqlKind.QUERY)).isTrue();
    }
    assertThat(SqlParsers.parse("SELECT name FROM album")).isInstanceOf(SqlSelect.class);
  }

  @Test
  void aLockingClauseAfterAWriteIsASyntaxError() {
    assertThatThrownBy(() -> SqlParsers.parse("DELETE FROM album FOR UPDATE"))
        .extracting("SQLState")
        .isEqualTo("42601");
  }

  @Test
  void explainAcceptsCalcitesFormAndTheShortForm() throws SQLException {
    SqlExplain shortForm = (SqlExplain) SqlParsers.parse("EXPLAIN SELECT a FROM t");
    assertThat(shortForm.getExplicandum().getKind()).isEqualTo(SqlKind.SELECT);
    SqlExplain json = (SqlExplain) SqlParsers.parse("EXPLAIN PLAN AS JSON FOR SELECT a FROM t");
    assertThat(json.getFormat().name()).isEqualTo("JSON");
  }

  @Test
  void liveStatementsKeepTheirQueryAndChannels() throws SQLException {
    SqlSubscribe sub = (SqlSubscribe) SqlParsers.parse("SUBSCRIBE SELECT * FROM t WHERE a > 1");
    assertThat(sub.query()).isInstanceOf(SqlSelect.class);
    assertThat(((SqlListen) SqlParsers.parse("LISTEN Orders")).channel()).isEqualTo("orders");
    assertThat(((SqlUnlisten) SqlParsers.parse("UNLISTEN *")).all()).isTrue();
    SqlUnlisten one = (SqlUnlisten) SqlParsers.parse("UNLISTEN \"Orders\"");
    assertThat(one.all()).isFalse();
    assertThat(one.channel()).isEqualTo("Orders");
    SqlNotify notify = (SqlNotify) SqlParsers.parse("NOTIFY orders, 'it''s done'");
    assertThat(notify.channel()).isEqualTo("orders");
    assertThat(notify.payload()).isEqualTo("it's done");
    assertThat(((SqlNotify) SqlParsers.parse("NOTIFY orders")).payload()).isNull();
  }

  @Test
  void vectorOperatorsBecomeDistanceFunctionCalls() throws SQLException {
    SqlSelect select =
        (SqlSelect) SqlParsers.parse("SELECT a <-> b, a <=> b, a <#> b, a <-> b < 0.5 FROM t");
    List<SqlNode> items = select.getSelectList().getList();
    assertThat(functionName(items.get(0))).isEqualTo("l2_distance");
    assertThat(functionName(items.get(1))).isEqualTo("cosine_distance");
    SqlBasicCall negated = (SqlBasicCall) items.get(2);
    assertThat(negated.getKind()).isEqualTo(SqlKind.MINUS_PREFIX);
    assertThat(functionName(negated.operand(0))).isEqualTo("inner_product");
    SqlBasicCall comparison = (SqlBasicCall) items.get(3);
    assertThat(comparison.getKind()).isEqualTo(SqlKind.LESS_THAN);
    assertThat(functionName(comparison.operand(0))).isEqualTo("l2_distance");
  }

  @Test
  void scriptsSplitOnSemicolons() throws SQLException {
    List<SqlNode> script =
        SqlParsers.parseScript(
            "CREATE TABLE t (a INT);\nINSERT INTO t VALUES (1);\n\nSELECT a FROM t;\n");
    assertThat(script)
        .extracting(SqlNode::getKind)
        .containsExactly(SqlKind.CREATE_TABLE, SqlKind.INSERT, SqlKind.SELECT);
    assertThat(SqlParsers.parseScript("")).isEmpty();
    assertThat(SqlParsers.parseScript("  -- nothing here\n/* nor here */")).isEmpty();
  }

  private static TransactionAction action(String sql) throws SQLException {
    return ((SqlTransaction) SqlParsers.parse(sql)).action();
  }

  private static String functionName(SqlNode node) {
    SqlBasicCall call = (SqlBasicCall) node;
    assertThat(call.getOperator()).isInstanceOf(SqlUnresolvedFunction.class);
    return call.getOperator().getName();
  }
}
