package io.pluresdb.jdbc.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The table-valued json_each and json_tree in FROM give raw SQLite's rows through the driver. */
class JsonTableFunctionTest {
  private static final AtomicInteger NAMES = new AtomicInteger();

  private Connection driver;
  private Connection raw;

  @BeforeEach
  void open() throws SQLException {
    driver = DriverManager.getConnection("jdbc:pluresdb:mem:jsontable" + NAMES.incrementAndGet());
    raw = DriverManager.getConnection("jdbc:sqlite::memory:");
    for (Connection c : List.of(driver, raw)) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE post (id BIGINT PRIMARY KEY, tags VARCHAR(200))");
        s.execute("INSERT INTO post VALUES (1, '[\"a\",\"b\"]')");
        s.execute("INSERT INTO post VALUES (2, '{\"k\":[1,2.5,null],\"t\":true}')");
        s.execute("INSERT INTO post VALUES (3, NULL)");
      }
    }
  }

  @AfterEach
  void close() throws SQLException {
    driver.close();
    raw.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT p.id, j.value FROM post p, json_each(p.tags) j ORDER BY p.id, j.id",
        "SELECT p.id, j.key, j.value, j.type, j.atom, j.id, j.parent, j.fullkey, j.path"
            + " FROM post p, json_each(p.tags) AS j ORDER BY p.id, j.id",
        "SELECT p.id, j.fullkey, j.type FROM post p JOIN json_tree(p.tags) j ON j.atom IS NOT NULL"
            + " ORDER BY p.id, j.id",
        "SELECT p.id, j.value FROM post p, json_each(p.tags, '$.k') j WHERE j.type <> 'null'"
            + " ORDER BY p.id, j.id",
        "SELECT * FROM json_each('[10,20]')",
        "SELECT json_each.key, json_each.value FROM json_each('{\"x\":1,\"y\":\"z\"}')",
        "SELECT count(*) FROM post p, json_tree(p.tags) t",
        "SELECT p.id FROM post p WHERE EXISTS (SELECT 1 FROM json_each(p.tags) j"
            + " WHERE j.value = 'b')"
      })
  void jsonTableFunctionsGiveSqlitesRows(String sql) throws SQLException {
    assertThat(rows(driver, sql)).isEqualTo(rows(raw, sql)).isNotEmpty();
  }

  @Test
  void jsonEachColumnsAreNamedAsInSqlite() throws SQLException {
    try (Statement s = driver.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM json_each('[1]')")) {
      ResultSetMetaData md = rs.getMetaData();
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        names.add(md.getColumnLabel(i));
      }
      assertThat(names)
          .containsExactly("key", "value", "type", "atom", "id", "parent", "fullkey", "path");
    }
  }

  @Test
  void jsonEachValueKeepsSqlitesTypePerRow() throws SQLException {
    try (Statement s = driver.createStatement();
        ResultSet rs = s.executeQuery("SELECT value FROM json_each('[1,2.5,\"x\"]') ORDER BY id")) {
      List<Object> values = new ArrayList<>();
      while (rs.next()) {
        values.add(rs.getObject(1));
      }
      assertThat(values).containsExactly(1L, 2.5, "x");
    }
  }

  /** Each row's values, as getString gives them. */
  private static List<List<String>> rows(Connection c, String sql) throws SQLException {
    List<List<String>> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(rs.getString(i));
        }
        out.add(row);
      }
    }
    return out;
  }
}
