package io.pluresdb.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.engine.support.Db;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Differential test: queries in the style of SQLite's sqllogictest corpus run through the planner
 * and directly on the same SQLite tables must give the same rows, since the planner's job is to
 * hand SQLite the query it means.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqliteOracleTest {
  @TempDir static Path tmp;
  Db db;
  Connection raw;

  @BeforeAll
  void load() throws Exception {
    db = Db.open(tmp);
    db.exec("CREATE TABLE t1(a INTEGER, b INTEGER, c INTEGER, d INTEGER, e INTEGER)");
    int[][] rows = {
      {104, 100, 102, 101, 103}, {107, 105, 106, 108, 109}, {111, 112, 113, 114, 110},
      {115, 118, 119, 116, 117}, {121, 124, 123, 122, 120}, {127, 129, 125, 128, 126},
      {131, 130, 134, 133, 132}, {138, 139, 137, 136, 135}, {142, 143, 141, 140, 144}
    };
    for (int[] r : rows) {
      db.exec(
          "INSERT INTO t1(e,c,b,d,a) VALUES("
              + r[4]
              + ","
              + r[2]
              + ","
              + r[1]
              + ","
              + r[3]
              + ","
              + r[0]
              + ")");
    }
    db.exec("INSERT INTO t1(a,c,d,e,b) VALUES(NULL,102,NULL,101,104)");
    db.exec("INSERT INTO t1(a,b,c,d,e) VALUES(NULL,NULL,NULL,NULL,NULL)");
    raw = db.store().openReader();
  }

  @AfterAll
  void close() throws Exception {
    raw.close();
    db.close();
  }

  static Stream<String> queries() {
    return Stream.of(
        "SELECT CASE WHEN c>(SELECT avg(c) FROM t1) THEN a*2 ELSE b*10 END FROM t1 ORDER BY 1",
        "SELECT a+b*2+c*3+d*4+e*5, (a+b+c+d+e)/5 FROM t1 ORDER BY 1,2",
        "SELECT abs(b-c), a-b, (SELECT count(*) FROM t1 AS x WHERE x.b<t1.b), c-d, d FROM t1"
            + " WHERE (e>a AND e<b) OR c BETWEEN b-2 AND d+2 ORDER BY 4,2,3,5,1",
        "SELECT a+b*2+c*3+d*4, CASE a+1 WHEN b THEN 111 WHEN c THEN 222 WHEN d THEN 333"
            + " WHEN e THEN 444 ELSE 555 END, abs(b-c), a+b*2 FROM t1"
            + " WHERE a IS NULL OR c>d OR d NOT BETWEEN 110 AND 150 ORDER BY 3,4,2,1",
        "SELECT c, d-e, CASE WHEN a<b-3 THEN 111 WHEN a<=b THEN 222 WHEN a<b+3 THEN 333"
            + " ELSE 444 END, a+b*2+c*3+d*4+e*5, e FROM t1 WHERE e+d BETWEEN a+b-10 AND c+130"
            + " OR coalesce(a,b,c,d,e)<>0 ORDER BY 4,1,5,2,3",
        "SELECT (SELECT count(*) FROM t1 AS x WHERE x.c>t1.c AND x.d<t1.d), c*2 FROM t1"
            + " WHERE EXISTS(SELECT 1 FROM t1 AS x WHERE x.b<t1.b) ORDER BY 1,2",
        "SELECT a, b FROM t1 WHERE a IN (SELECT b FROM t1 WHERE b > 110) OR b NOT IN (100, 105)"
            + " ORDER BY a, b",
        "SELECT DISTINCT c / 10, count(*) FROM t1 GROUP BY c / 10 HAVING count(*) > 1 ORDER BY 1",
        "SELECT sum(a), min(b), max(c), avg(d), count(e), count(*) FROM t1",
        "SELECT a FROM t1 WHERE a > 120 UNION SELECT b FROM t1 WHERE b < 110 ORDER BY 1",
        "SELECT a, b FROM t1 ORDER BY a DESC, b LIMIT 3 OFFSET 2",
        "SELECT a % 7, -b, +c, a / 3.0 FROM t1 WHERE a IS NOT NULL ORDER BY 1, 2",
        "SELECT nullif(a, 104), ifnull(d, -1), coalesce(a, b, 0) FROM t1 ORDER BY 1, 2, 3",
        "SELECT CASE WHEN a IS NULL THEN 'none' WHEN a > 120 THEN 'big' ELSE 'small' END, count(*)"
            + " FROM t1 GROUP BY 1 ORDER BY 1",
        "SELECT x.a, y.b FROM t1 x JOIN t1 y ON x.a = y.b + 4 ORDER BY 1",
        "SELECT x.a, y.b FROM t1 x LEFT JOIN t1 y ON x.a = y.b ORDER BY 1, 2");
  }

  @ParameterizedTest
  @MethodSource("queries")
  void theSameRowsAsSqliteItself(String sql) throws Exception {
    List<String> expected = new ArrayList<>();
    try (Statement s = raw.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringJoiner j = new StringJoiner("|");
        for (int i = 1; i <= n; i++) {
          j.add(number(rs.getObject(i)));
        }
        expected.add(j.toString());
      }
    }
    List<String> actual = new ArrayList<>();
    for (String row : db.rows(sql)) {
      StringJoiner j = new StringJoiner("|");
      for (String v : row.split("\\|", -1)) {
        j.add(number(v.equals("NULL") ? null : v));
      }
      actual.add(j.toString());
    }
    assertThat(actual).isEqualTo(expected);
  }

  /** Numbers compared by value (SQLite's 2.0 and our 2.0 or 2 alike), other values as text. */
  private static String number(Object v) {
    if (v == null) {
      return "NULL";
    }
    try {
      double d = Double.parseDouble(v.toString());
      return d == Math.rint(d) && Math.abs(d) < 1e15
          ? Long.toString((long) d)
          : String.format(Locale.ROOT, "%.9g", d);
    } catch (NumberFormatException e) {
      return v.toString();
    }
  }
}
