package io.pluresdb.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.engine.api.Cursor;
import io.pluresdb.engine.api.Result;
import io.pluresdb.engine.support.Db;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SELECT, UPDATE and DELETE statements that differ only in literals share a plan once two of them
 * have shown that the plan does not depend on those literals, and each still gives the answer its
 * own text gives: every statement here runs as written (its shape's plan, once learned) and again
 * with a comment after it, which keeps it from having a shape, so that it is planned from its text.
 * Values of every storage class in columns of every affinity put SQLite's comparison rules to work.
 */
class ShapedQueryTest {
  private static final String ROWS =
      " VALUES (1, 12, '12', 12.0, 12, '2024-01-01', TRUE), (2, 13, 'abc', 1.5, '12',"
          + " '2024-01-02', FALSE), (3, NULL, '1.0', 1.0, 1.0, NULL, NULL),"
          + " (4, 1, '013', 2.5, 'abc', '2023-12-31', TRUE), (5, 0, '', 0, X'3132', NULL, FALSE)";
  private static final List<String> STRINGS =
      List.of("'abc'", "'xyz'", "'12'", "'abd'", "'1.0'", "'013'", "'zz'", "'2024-01-01'", "'yes'");
  private static final List<String> INTEGERS = List.of("12", "13", "1", "0", "2");
  private static final List<String> DECIMALS = List.of("1.0", "12.0", "1.5", "2.5", "0.5");
  // past INTEGER's range, signs, exponents, blobs and NULL: each read as SQLite reads it inline
  private static final List<String> OTHERS =
      List.of("3000000000", "-5", "9223372036854775807", "1e3", "-0.5", "X'3132'", "NULL", "7");

  @TempDir Path tmp;
  Db db;

  @BeforeEach
  void open() throws Exception {
    db = Db.open(tmp);
    for (String t : List.of("m", "a", "b")) {
      db.exec(
          "CREATE TABLE "
              + t
              + " (id BIGINT PRIMARY KEY, n INTEGER, t TEXT, r REAL, u, d DATE, f BOOLEAN)");
      db.exec("INSERT INTO " + t + " (id, n, t, r, u, d, f)" + ROWS);
    }
  }

  @AfterEach
  void close() throws Exception {
    db.close();
  }

  static Stream<String> queries() {
    return Stream.of(
        "SELECT id FROM m WHERE n = %s ORDER BY id",
        "SELECT id FROM m WHERE t = %s ORDER BY id",
        "SELECT id FROM m WHERE r = %s ORDER BY id",
        "SELECT id FROM m WHERE u = %s ORDER BY id",
        "SELECT id FROM m WHERE d = %s ORDER BY id",
        "SELECT id FROM m WHERE f = %s ORDER BY id",
        "SELECT id FROM m WHERE n > %s OR t < %s ORDER BY id",
        "SELECT id, n + %s, t || %s FROM m ORDER BY id",
        "SELECT id, %s FROM m ORDER BY id",
        "SELECT count(*) FROM m WHERE t LIKE %s",
        "SELECT id, CASE WHEN n > %s THEN 'big' ELSE 'small' END FROM m ORDER BY 1",
        "SELECT id FROM m WHERE n IN (%s, 13) ORDER BY id LIMIT 3",
        "SELECT typeof(%s), id FROM m WHERE id = 1",
        "SELECT id FROM m WHERE id IN (SELECT id FROM m WHERE r >= %s) ORDER BY id");
  }

  @ParameterizedTest
  @MethodSource("queries")
  void aQueryGivesWhatItsTextGives(String query) throws Exception {
    for (List<String> kind : List.of(STRINGS, INTEGERS, DECIMALS, OTHERS)) {
      for (String v : kind) {
        String sql = query.replace("%s", v);
        assertThat(outcome(sql)).as(sql).isEqualTo(outcome(sql + "\n-- as written"));
      }
    }
  }

  @Test
  void writesChangeWhatTheirTextChanges() throws Exception {
    List<String> writes =
        List.of(
            "UPDATE %t SET r = %s WHERE id = 3",
            "UPDATE %t SET u = %s WHERE n = 12",
            "UPDATE %t SET t = t || %s WHERE u = %s",
            "UPDATE %t SET n = %s WHERE t = '12'",
            "DELETE FROM %t WHERE n = %s");
    for (String w : writes) {
      for (List<String> kind : List.of(STRINGS, INTEGERS, DECIMALS, OTHERS)) {
        for (String v : kind) {
          String sql = w.replace("%s", v);
          String shaped = outcome(sql.replace("%t", "a"));
          String written = outcome(sql.replace("%t", "b") + "\n-- as written");
          assertThat(shaped).as(sql).isEqualTo(written.replace("'b'", "'a'"));
          assertThat(db.rows("SELECT * FROM a ORDER BY id"))
              .as(sql)
              .isEqualTo(db.rows("SELECT * FROM b ORDER BY id"));
        }
      }
    }
  }

  /** The rows or update count a statement gives, or the error it fails with. */
  private String outcome(String sql) {
    try {
      Result result = db.exec(sql);
      if (result instanceof Result.Rows rows) {
        try (Cursor c = rows.cursor()) {
          return String.valueOf(Db.format(c));
        }
      }
      return String.valueOf(((Result.Count) result).count());
    } catch (SQLException e) {
      return e.getSQLState() + " " + e.getMessage();
    }
  }

  @Test
  void statementsDifferingOnlyInLiteralsArePlannedTwice() throws Exception {
    long before = db.planner().plansMade();
    for (int id = 2; id <= 5; id++) {
      assertThat(db.rows("SELECT t FROM m WHERE id = " + id)).hasSize(1);
      db.exec("UPDATE m SET n = " + (id * 10) + " WHERE id = " + id);
    }
    db.exec("DELETE FROM m WHERE id = 4");
    db.exec("DELETE FROM m WHERE id = 5");
    db.exec("DELETE FROM m WHERE id = 2");
    assertThat(db.planner().plansMade() - before).isEqualTo(6);
    assertThat(db.rows("SELECT id, n FROM m ORDER BY id")).containsExactly("1|12", "3|30");
  }

  @Test
  void aLiteralThatLabelsAColumnKeepsItsOwnLabel() throws Exception {
    for (int v = 1; v <= 4; v++) {
      String sql = "SELECT " + v + " FROM m WHERE id = 1";
      assertThat(db.session().prepare(sql).columns())
          .isEqualTo(db.session().prepare(sql + " -- as written").columns());
    }
  }

  @Test
  void aSchemaChangeLearnsTheShapeAgain() throws Exception {
    assertThat(db.rows("SELECT t FROM m WHERE id = 1")).containsExactly("12");
    assertThat(db.rows("SELECT t FROM m WHERE id = 2")).containsExactly("abc");
    assertThat(db.rows("SELECT t FROM m WHERE id = 3")).containsExactly("1.0");
    db.exec("ALTER TABLE m ADD COLUMN note VARCHAR(10) DEFAULT 'none'");
    assertThat(db.rows("SELECT t FROM m WHERE id = 4")).containsExactly("013");
    assertThat(db.rows("SELECT note FROM m WHERE id = 5")).containsExactly("none");
  }
}
