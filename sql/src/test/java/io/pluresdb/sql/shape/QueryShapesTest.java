package io.pluresdb.sql.shape;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryShapesTest {

  @Test
  void statementsDifferingOnlyInLiteralsOfOneKindShareAShape() {
    Shaped a = QueryShapes.of("SELECT name FROM album WHERE id = 2 AND name <> 'ex'");
    Shaped b = QueryShapes.of("SELECT name FROM album WHERE id = 3 AND name <> 'yz'");
    assertThat(a).isNotNull();
    assertThat(b).isNotNull();
    assertThat(a.shape()).isEqualTo(b.shape());
    assertThat(a.literals()).containsExactly(2L, "ex");
    assertThat(b.literals()).containsExactly(3L, "yz");
  }

  @Test
  void theKindOfEachLiteralIsPartOfTheShape() {
    String small = QueryShapes.of("SELECT * FROM t WHERE n = 2").shape();
    assertThat(QueryShapes.of("SELECT * FROM t WHERE n = 'two'").shape()).isNotEqualTo(small);
    assertThat(QueryShapes.of("SELECT * FROM t WHERE n = 1.0").shape()).isNotEqualTo(small);
    assertThat(QueryShapes.of("SELECT * FROM t WHERE n = 1.00").shape())
        .isNotEqualTo(QueryShapes.of("SELECT * FROM t WHERE n = 1.0").shape());
    assertThat(QueryShapes.of("SELECT * FROM t WHERE n = 5000000000").shape()).isNotEqualTo(small);
    assertThat(QueryShapes.of("SELECT * FROM t WHERE n = 1 OR n = 0")).isNull();
    assertThat(QueryShapes.of("SELECT * FROM t WHERE n = X'01'").literals().get(0))
        .isEqualTo(new byte[] {1});
    assertThat(QueryShapes.of("UPDATE t SET d = 2.50 WHERE n = 3").literals())
        .containsExactly(new BigDecimal("2.50"), 3L);
  }

  @Test
  void literalsSqliteDoesNotReadAsValuesStayAsWritten() {
    Shaped s =
        QueryShapes.of(
            "SELECT CAST(a AS DECIMAL(10, 2)), 7 FROM t WHERE d = DATE '2024-01-01'"
                + " GROUP BY 1, 2 ORDER BY 2 DESC, 1 LIMIT 5");
    assertThat(s).isNotNull();
    assertThat(s.literals()).containsExactly(7L, 5L);
    assertThat(s.shape()).contains("DECIMAL(10, 2)", "'2024-01-01'", "GROUP BY 1, 2", "ORDER BY 2");
    Shaped frame =
        QueryShapes.of("SELECT sum(a) OVER (ORDER BY b ROWS 2 PRECEDING) FROM t WHERE a > 3");
    assertThat(frame.literals()).containsExactly(3L);
  }

  @Test
  void stringsThatCouldBeNumbersDatesOrBooleansStayAsWritten() {
    Shaped s =
        QueryShapes.of(
            "SELECT * FROM t WHERE a = '12' OR b = '2024-01-01' OR c = 'yes' OR d = 'NaN'"
                + " OR e = ' x' OR f = '' OR g = 'plain text'");
    assertThat(s.literals()).containsExactly("plain text");
  }

  @Test
  void aSubqueryInTheOrderByListHasItsOwnClauses() {
    Shaped s = QueryShapes.of("SELECT a FROM t ORDER BY (SELECT b FROM u WHERE u.c = 4)");
    assertThat(s.literals()).containsExactly(4L);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT * FROM t WHERE a = ?",
        "SELECT * FROM t WHERE a = :a",
        "SELECT * FROM t WHERE a = 1 -- note",
        "SELECT * FROM t WHERE a = 1; SELECT 2",
        "SELECT * FROM t",
        "CREATE TABLE t (a INTEGER DEFAULT 1)",
        "PRAGMA cache_size = 10",
        "SELECT * FROM t WHERE a = 1e5",
        "SELECT * FROM t WHERE a = 0x10",
        "SELECT 'unterminated"
      })
  void statementsItDoesNotReadHaveNoShape(String sql) {
    assertThat(QueryShapes.of(sql)).isNull();
  }
}
