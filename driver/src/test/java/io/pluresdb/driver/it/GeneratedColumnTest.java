package io.pluresdb.driver.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code GENERATED ALWAYS AS (expr)} columns, and {@code embed()} on a class path without the model
 * module (the driver's own tests never have it): the error names the module, and vectors written as
 * values are stored and searched all the same.
 */
@Timeout(180)
class GeneratedColumnTest {
  private Connection c;

  @BeforeEach
  void open() throws SQLException {
    c = Db.connect(Db.freshMemoryUrl());
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  private String one(String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertThat(rs.next()).isTrue();
      return rs.getString(1);
    }
  }

  private static String state(Throwable e) {
    return ((SQLException) e).getSQLState();
  }

  @Test
  void aGeneratedColumnIsComputedOnInsertAndOnUpdateOfWhatItReads() throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE line (id INTEGER PRIMARY KEY, qty INTEGER, price INTEGER,"
              + " total INTEGER GENERATED ALWAYS AS (qty * price) STORED,"
              + " label TEXT AS ('#' || id))");
      s.execute("INSERT INTO line (id, qty, price) VALUES (1, 2, 5)");
      s.execute("INSERT INTO line VALUES (2, 3, 7)"); // no list: the generated columns are skipped
      s.execute(
          "INSERT INTO line (id, qty, price) SELECT id + 2, qty + 2, 10 FROM line WHERE id = 1");
      assertThat(one("SELECT group_concat(total || label, ',') FROM line"))
          .isEqualTo("10#1,21#2,40#3");
      s.execute("UPDATE line SET qty = qty + 1 WHERE id = 1");
      assertThat(one("SELECT total FROM line WHERE id = 1")).isEqualTo("15");
      s.execute(
          "INSERT INTO line (id, qty, price) VALUES (1, 1, 1)"
              + " ON CONFLICT (id) DO UPDATE SET price = 100");
      assertThat(one("SELECT total FROM line WHERE id = 1")).isEqualTo("300");
      assertThat(one("SELECT total FROM line WHERE total > 250")).isEqualTo("300");
    }
  }

  @Test
  void aGeneratedColumnTakesNoValue() throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE line (id INTEGER PRIMARY KEY, qty INTEGER,"
              + " twice INTEGER GENERATED ALWAYS AS (qty * 2))");
      assertThatThrownBy(() -> s.execute("INSERT INTO line (id, twice) VALUES (1, 2)"))
          .hasMessageContaining("twice")
          .extracting(GeneratedColumnTest::state)
          .isEqualTo("428C9");
      s.execute("INSERT INTO line (id, qty) VALUES (1, 4)");
      assertThatThrownBy(() -> s.execute("UPDATE line SET twice = 3"))
          .hasMessageContaining("twice")
          .extracting(GeneratedColumnTest::state)
          .isEqualTo("428C9");
      assertThat(one("SELECT twice FROM line")).isEqualTo("8");
      try (ResultSet rs = c.getMetaData().getColumns(null, null, "line", "%")) {
        StringBuilder generated = new StringBuilder();
        while (rs.next()) {
          generated.append(rs.getString("COLUMN_NAME")).append('=');
          generated.append(rs.getString("IS_GENERATEDCOLUMN")).append(' ');
        }
        assertThat(generated.toString().trim()).isEqualTo("id=NO qty=NO twice=YES");
      }
    }
  }

  @Test
  void embedWithoutTheModelModuleNamesTheModule() throws SQLException {
    try (Statement s = c.createStatement()) {
      assertThatThrownBy(() -> one("SELECT embed('weekly planning')"))
          .hasMessageContaining("io.pluresdb:pluresdb-embed")
          .extracting(GeneratedColumnTest::state)
          .isEqualTo("0A000");
      s.execute(
          "CREATE TABLE note (id BIGINT PRIMARY KEY, body TEXT,"
              + " embedding VECTOR(3) GENERATED ALWAYS AS (embed(body)))");
      assertThatThrownBy(() -> s.execute("INSERT INTO note (id, body) VALUES (1, 'hello')"))
          .hasMessageContaining("io.pluresdb:pluresdb-embed")
          .extracting(GeneratedColumnTest::state)
          .isEqualTo("0A000");
      assertThat(one("SELECT COUNT(*) FROM note")).isEqualTo("0");

      // vectors given as values are stored and searched without the model
      s.execute("CREATE TABLE doc (id BIGINT PRIMARY KEY, v VECTOR(3))");
      s.execute("CREATE INDEX doc_v ON doc USING hnsw (v)");
      s.execute("INSERT INTO doc VALUES (1, '[1,0,0]'), (2, '[0,1,0]'), (3, '[0.9,0.1,0]')");
      assertThat(
              one(
                  "SELECT group_concat(id, ',') FROM (SELECT id FROM doc"
                      + " ORDER BY cosine_distance(v, '[1,0,0]') LIMIT 2)"))
          .isEqualTo("1,3");
      assertThatThrownBy(
              () -> one("SELECT id FROM doc ORDER BY cosine_distance(v, embed('x')) LIMIT 1"))
          .extracting(GeneratedColumnTest::state)
          .isEqualTo("0A000");
    }
  }
}
