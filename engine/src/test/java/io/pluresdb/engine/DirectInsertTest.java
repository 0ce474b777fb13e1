package io.pluresdb.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.engine.api.Result;
import io.pluresdb.engine.api.Session;
import io.pluresdb.engine.support.Db;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plain INSERT of parameters (planned without the parser) writes, converts, defaults, refuses and
 * reports generated keys exactly as the same statement planned from its parsed text: each case runs
 * on two tables of the same definition, once as the plain statement and once after a comment, which
 * sends it to the parser.
 */
class DirectInsertTest {
  private static final String COLUMNS =
      " (id INTEGER PRIMARY KEY AUTOINCREMENT, name VARCHAR(20) NOT NULL,"
          + " qty INTEGER DEFAULT 5 CHECK (qty >= 0), price DECIMAL(6,2), code VARCHAR(5) UNIQUE,"
          + " born DATE, cover BLOB)";

  @TempDir Path tmp;
  Db db;

  @BeforeEach
  void open() throws Exception {
    db = Db.open(tmp);
    db.exec("CREATE TABLE direct" + COLUMNS);
    db.exec("CREATE TABLE parsed" + COLUMNS);
  }

  @AfterEach
  void close() throws Exception {
    db.close();
  }

  @Test
  void everyOutcomeIsTheParsedStatements() throws Exception {
    List<String> outcomes = new ArrayList<>();
    same(outcomes, "INSERT INTO %s (name, qty, price) VALUES (?, ?, ?)", "a", 3, "1.5");
    same(outcomes, "INSERT INTO %s (name) VALUES (?)", "defaults");
    same(outcomes, "INSERT INTO %s (name, qty) VALUES (?, ?)", null, 1);
    same(outcomes, "INSERT INTO %s (name, qty) VALUES (?, ?)", "negative", -1);
    same(outcomes, "INSERT INTO %s (name, qty) VALUES (?, ?)", "text", "abc");
    same(outcomes, "INSERT INTO %s (name, code) VALUES (?, ?)", "first", "X1");
    same(outcomes, "INSERT INTO %s (name, code) VALUES (?, ?)", "again", "X1");
    same(outcomes, "INSERT INTO %s (name, born) VALUES (?, ?)", "dated", "2024-02-29");
    same(outcomes, "INSERT INTO %s (name, born) VALUES (?, ?)", "bad date", "2024-02-30");
    same(outcomes, "INSERT INTO %s (name, cover) VALUES (?, ?)", "blob", new byte[] {1, 2});
    same(outcomes, "insert into %s (NAME, Qty) values (?, ?), (?, ?);", "r1", 1, "r2", 2);
    same(
        outcomes,
        "INSERT INTO %s VALUES (?, ?, ?, ?, ?, ?, ?)",
        100,
        "all",
        7,
        12.345,
        "Z9",
        null,
        null);
    same(
        outcomes,
        "INSERT INTO %s VALUES (?, ?, ?, ?, ?, ?, ?)",
        100,
        "dup",
        1,
        1,
        null,
        null,
        null);
    assertThat(outcomes)
        .hasSize(13)
        .anyMatch(o -> o.startsWith("error"))
        .anyMatch(o -> o.startsWith("1"));
    assertThat(db.rows("SELECT * FROM direct ORDER BY id"))
        .isEqualTo(db.rows("SELECT * FROM parsed ORDER BY id"))
        .hasSize(8);
  }

  @Test
  void generatedKeysAreTheParsedStatements() throws Exception {
    assertThat(keys("INSERT INTO direct (name) VALUES (?), (?)"))
        .isEqualTo(keys("/* parsed */ INSERT INTO parsed (name) VALUES (?), (?)"))
        .containsExactly("1", "2");
  }

  private List<String> keys(String sql) throws SQLException {
    Session s = db.session();
    Result.Count count =
        (Result.Count) s.execute(s.prepare(sql), List.of("k1", "k2"), List.of(), 0, 0);
    return Db.format(count.generatedKeys());
  }

  /** Runs one case on both tables and asserts the same outcome, which it adds to {@code out}. */
  private void same(List<String> out, String template, Object... params) {
    String direct = outcome(template.replace("%s", "direct"), params);
    String parsed = outcome("/* parsed */ " + template.replace("%s", "parsed"), params);
    assertThat(direct.replace("direct", "T")).as(template).isEqualTo(parsed.replace("parsed", "T"));
    out.add(direct);
  }

  private String outcome(String sql, Object... params) {
    try {
      Session s = db.session();
      Result r = s.execute(s.prepare(sql), Arrays.asList(params), null, 0, 0);
      return String.valueOf(((Result.Count) r).count());
    } catch (SQLException e) {
      return "error " + e.getSQLState() + " " + e.getMessage();
    }
  }
}
