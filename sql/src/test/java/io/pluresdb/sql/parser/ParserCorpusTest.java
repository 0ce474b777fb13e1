package io.pluresdb.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.calcite.sql.SqlNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the statement corpus in {@code src/test/resources/parser}. Each file holds blocks separated
 * by blank lines; {@code #} lines are comments. A block is a statement, optionally followed by
 * {@code => canonical form} (what {@link SqlParsers#unparse} must give, whitespace collapsed) or by
 * {@code !! message fragment} (the statement must fail with SQLState 42601 and a message containing
 * the fragment). Every statement that parses must also read back from its canonical form to the
 * same canonical form.
 */
class ParserCorpusTest {
  private static final List<String> FILES =
      List.of(
          "names.sql",
          "ddl.sql",
          "dml.sql",
          "statements.sql",
          "sqllogictest.sql",
          "hibernate.sql",
          "jooq.sql",
          "errors.sql");

  @TestFactory
  Stream<DynamicTest> corpus() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (String file : FILES) {
      for (Case c : read(file)) {
        tests.add(DynamicTest.dynamicTest(file + ":" + c.line() + " " + c.sql(), c::run));
      }
    }
    assertThat(tests).hasSizeGreaterThan(150);
    return tests.stream();
  }

  /** One block of a corpus file. */
  record Case(int line, String sql, String expected, String error) {
    void run() {
      if (error != null) {
        assertThatThrownBy(() -> SqlParsers.parse(sql))
            .as(sql)
            .isInstanceOf(SQLSyntaxErrorException.class)
            .hasMessageContaining(error)
            .extracting(e -> ((SQLException) e).getSQLState())
            .isEqualTo("42601");
        return;
      }
      String canonical = collapse(SqlParsers.unparse(parse(sql)));
      if (expected != null) {
        assertThat(canonical).as(sql).isEqualTo(expected);
      }
      String again = collapse(SqlParsers.unparse(parse(canonical)));
      assertThat(again).as("canonical form of %s reads back", sql).isEqualTo(canonical);
    }
  }

  /** Parses, naming the statement in the failure so that a corpus entry is easy to find. */
  private static SqlNode parse(String sql) {
    try {
      return SqlParsers.parse(sql);
    } catch (SQLException e) {
      throw new AssertionError(sql + " -> " + e.getMessage(), e);
    }
  }

  static String collapse(String sql) {
    return sql.strip().replaceAll("\\s+", " ");
  }

  private static List<Case> read(String file) throws IOException {
    String text;
    try (InputStream in = ParserCorpusTest.class.getResourceAsStream("/parser/" + file)) {
      assertThat(in).as("corpus file %s", file).isNotNull();
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<Case> cases = new ArrayList<>();
    StringBuilder sql = new StringBuilder();
    String expected = null;
    String error = null;
    int start = 0;
    String[] lines = text.split("\n", -1);
    for (int i = 0; i <= lines.length; i++) {
      String line = i < lines.length ? lines[i].stripTrailing() : "";
      if (line.isBlank()) {
        if (sql.length() > 0) {
          cases.add(new Case(start, sql.toString().strip(), expected, error));
        }
        sql.setLength(0);
        expected = null;
        error = null;
      } else if (line.startsWith("#")) {
        continue;
      } else if (line.startsWith("=> ")) {
        expected = line.substring(3).strip();
      } else if (line.startsWith("!! ")) {
        error = line.substring(3).strip();
      } else {
        if (sql.length() == 0) {
          start = i + 1;
        }
        sql.append(line).append('\n');
      }
    }
    return cases;
  }
}
