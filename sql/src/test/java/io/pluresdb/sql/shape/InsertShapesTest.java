package io.pluresdb.sql.shape;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InsertShapesTest {

  @Test
  void statementsDifferingOnlyInLiteralsShareAShape() {
    Shaped a = InsertShapes.of("INSERT INTO t VALUES (1, 'a')");
    Shaped b = InsertShapes.of("INSERT INTO t VALUES (2, 'b')");
    assertThat(a).isNotNull();
    assertThat(b).isNotNull();
    assertThat(a.shape()).isEqualTo("INSERT INTO t VALUES (?, ?)").isEqualTo(b.shape());
    assertThat(a.literals()).containsExactly(1L, "a");
    assertThat(b.literals()).containsExactly(2L, "b");
  }

  @Test
  void literalsAreReadAsThePlannerReadsThem() {
    Shaped s =
        InsertShapes.of(
            "insert into \"T\" (a, b, c, d, e, f, g) values"
                + " (-7, +3, 1.50, -0.25, 'O''Brien''s', NULL, X'0aFF'), (0, 0, 0.0, 1.0, '', null, x'');");
    assertThat(s).isNotNull();
    assertThat(s.shape())
        .isEqualTo(
            "insert into \"T\" (a, b, c, d, e, f, g) values (?, ?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?,"
                + " ?, ?);");
    assertThat(Arrays.asList(s.literals().toArray()).subList(0, 6))
        .containsExactly(
            -7L, 3L, new BigDecimal("1.50"), new BigDecimal("-0.25"), "O'Brien's", null);
    assertThat((byte[]) s.literals().get(6)).containsExactly(0x0a, 0xff);
    assertThat(s.literals().get(9)).isEqualTo(new BigDecimal("0.0"));
    assertThat((byte[]) s.literals().get(13)).isEmpty();
  }

  @Test
  void expressionsStayInTheShapeAsWritten() {
    Shaped s =
        InsertShapes.of(
            "INSERT INTO t VALUES (1 + 2, upper('x'), 3, (SELECT max(id) FROM u), 1e3)");
    assertThat(s).isNotNull();
    assertThat(s.shape())
        .isEqualTo("INSERT INTO t VALUES (1 + 2, upper('x'), ?, (SELECT max(id) FROM u), 1e3)");
    assertThat(s.literals()).containsExactly(3L);
  }

  @Test
  void theConflictFormsOfInsertAreShaped() {
    assertThat(InsertShapes.of("INSERT OR REPLACE INTO t VALUES (1)").shape())
        .isEqualTo("INSERT OR REPLACE INTO t VALUES (?)");
    assertThat(InsertShapes.of("REPLACE INTO t(a) VALUES ('x')").shape())
        .isEqualTo("REPLACE INTO t(a) VALUES (?)");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT 1",
        "UPDATE t SET a = 1",
        "INSERT INTO t VALUES (?, 1)",
        "INSERT INTO t VALUES (1) ON CONFLICT DO NOTHING",
        "INSERT INTO t VALUES (1) RETURNING a",
        "INSERT INTO t SELECT 1",
        "INSERT INTO t SELECT * FROM (VALUES (1))",
        "INSERT INTO t DEFAULT VALUES",
        "INSERT INTO t VALUES (1); INSERT INTO t VALUES (2)",
        "INSERT INTO t VALUES (1) -- a comment",
        "/* a comment */ INSERT INTO t VALUES (1)",
        "INSERT INTO t VALUES (1e3)",
        "INSERT INTO t VALUES (1234567890123456789)",
        "INSERT INTO t VALUES (DEFAULT)",
        "INSERT INTO t VALUES (TRUE)",
        "INSERT INTO t VALUES ('unterminated)",
        "INSERT INTO t VALUES (1",
        "INSERT INTO t VALUES (:a)",
        "WITH x AS (SELECT 1) INSERT INTO t VALUES (1)",
        "INSERT INTO t VALUES (X'abc')"
      })
  void whatIsNotAPlainInsertOfLiteralsHasNoShape(String sql) {
    assertThat(InsertShapes.of(sql)).isNull();
  }
}
