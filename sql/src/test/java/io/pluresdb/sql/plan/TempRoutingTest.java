package io.pluresdb.sql.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.pluresdb.sql.plan.TempRouting.Kind;
import java.sql.SQLException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TempRoutingTest {
  private static final Set<String> TEMPS = Set.of("scratch", "item");

  @Test
  void creatingATempObjectIsTempDdl() throws SQLException {
    assertThat(TempRouting.route("CREATE TEMP TABLE x (a INT)", Set.of())).isEqualTo(Kind.DDL);
    assertThat(TempRouting.route("create temporary view v as select 1", Set.of()))
        .isEqualTo(Kind.DDL);
    assertThat(TempRouting.route("CREATE TABLE IF NOT EXISTS temp.x (a)", Set.of()))
        .isEqualTo(Kind.DDL);
    assertThat(TempRouting.route("CREATE TEMP TABLE t AS SELECT * FROM main_t;", Set.of()))
        .isEqualTo(Kind.DDL);
    assertThat(TempRouting.route("CREATE INDEX i ON scratch (a)", TEMPS)).isEqualTo(Kind.DDL);
  }

  @Test
  void replicatedObjectsStayWithThePlanner() throws SQLException {
    assertThat(TempRouting.route("CREATE TABLE temp (a INT)", Set.of())).isNull();
    assertThat(TempRouting.route("SELECT temperature FROM readings", Set.of())).isNull();
    assertThat(TempRouting.route("CREATE INDEX i ON other (a)", TEMPS)).isNull();
    assertThat(TempRouting.route("SELECT * FROM other", TEMPS)).isNull();
    assertThat(TempRouting.route("DROP TABLE other", TEMPS)).isNull();
    assertThat(TempRouting.route("SELECT * FROM temp_t WHERE a = \"", TEMPS)).isNull();
    // a write to a replicated table stays an operation of the log, whatever it reads
    assertThat(TempRouting.route("INSERT INTO main.item SELECT * FROM scratch", TEMPS)).isNull();
    assertThat(TempRouting.route("UPDATE other SET a = (SELECT 1 FROM scratch)", TEMPS)).isNull();
  }

  @Test
  void statementsOnTempObjectsAreRoutedByWhatTheyDo() throws SQLException {
    assertThat(TempRouting.route("SELECT * FROM other JOIN Scratch USING (id)", TEMPS))
        .isEqualTo(Kind.QUERY);
    assertThat(TempRouting.route("SELECT * FROM temp.anything", TEMPS)).isEqualTo(Kind.QUERY);
    assertThat(TempRouting.route("SELECT name FROM sqlite_temp_schema", Set.of()))
        .isEqualTo(Kind.QUERY);
    assertThat(TempRouting.route("PRAGMA table_info(\"scratch\")", TEMPS)).isEqualTo(Kind.QUERY);
    assertThat(TempRouting.route("INSERT OR REPLACE INTO scratch VALUES (1)", TEMPS))
        .isEqualTo(Kind.WRITE);
    assertThat(TempRouting.route("UPDATE OR IGNORE [item] SET a = 1", TEMPS)).isEqualTo(Kind.WRITE);
    assertThat(TempRouting.route("WITH c(x) AS (SELECT 1) DELETE FROM scratch WHERE a IN c", TEMPS))
        .isEqualTo(Kind.WRITE);
    assertThat(TempRouting.route("DROP TABLE IF EXISTS temp.scratch", TEMPS)).isEqualTo(Kind.DDL);
    assertThat(TempRouting.route("ALTER TABLE item ADD COLUMN b", TEMPS)).isEqualTo(Kind.DDL);
  }

  @Test
  void aTempTriggerOnAReplicatedTableIsRefused() {
    SQLException e =
        catchThrowableOfType(
            SQLException.class,
            () ->
                TempRouting.route(
                    "CREATE TEMP TRIGGER t AFTER INSERT ON x BEGIN DELETE FROM y; END", Set.of()));
    assertThat(e.getSQLState()).isEqualTo("0A000");
  }

  @Test
  void aTriggerOnATempTableIsTempAndMayWriteTempTablesOnly() throws SQLException {
    Set<String> temps = Set.of("scratch", "audit");
    assertThat(
            TempRouting.route(
                "CREATE TEMP TRIGGER tr AFTER INSERT ON scratch BEGIN"
                    + " INSERT INTO audit VALUES (new.a); UPDATE OR IGNORE audit SET a = 1;"
                    + " DELETE FROM temp.audit WHERE a = replace('x', 'x', 'y'); END",
                temps))
        .isEqualTo(Kind.DDL);
    assertThat(
            TempRouting.route(
                "CREATE TRIGGER tr AFTER UPDATE OF a ON scratch BEGIN"
                    + " INSERT INTO audit SELECT * FROM item; END",
                temps))
        .isEqualTo(Kind.DDL);
    SQLException e =
        catchThrowableOfType(
            SQLException.class,
            () ->
                TempRouting.route(
                    "CREATE TEMP TRIGGER tr AFTER INSERT ON scratch BEGIN"
                        + " INSERT INTO audit VALUES (1); DELETE FROM item; END",
                    temps));
    assertThat(e.getSQLState()).isEqualTo("0A000");
    assertThat(e.getMessage()).contains("'item'");
    assertThat(
            TempRouting.route("CREATE TRIGGER tr AFTER INSERT ON item BEGIN SELECT 1; END", temps))
        .isNull();
  }
}
