package io.pluresdb.driver.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pluresdb.jdbc.PluresDriver;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A table exported to a file and imported into an empty copy of it holds equal rows, for every
 * column type, NULL and the empty string, and text that needs quoting; bad input names its line and
 * column and imports nothing.
 */
class TransferTest {
  private static final String DDL =
      "CREATE TABLE item (id BIGINT PRIMARY KEY, flag BOOLEAN, small SMALLINT, n INTEGER,"
          + " r REAL, d DOUBLE, price DECIMAL(12,3), code CHAR(3), body VARCHAR(200), doc JSON,"
          + " bin VARBINARY(8), blob BLOB, day DATE, at TIME, ts TIMESTAMP,"
          + " zts TIMESTAMP WITH TIME ZONE, e VECTOR(3))";

  @TempDir Path dir;
  Connection source;
  Connection copy;

  @BeforeEach
  void open() throws SQLException {
    PluresDriver.register();
    source = DriverManager.getConnection("jdbc:pluresdb:" + dir.resolve("source.db"));
    copy = DriverManager.getConnection("jdbc:pluresdb:" + dir.resolve("copy.db"));
    for (Connection c : List.of(source, copy)) {
      try (Statement s = c.createStatement()) {
        s.execute(DDL);
      }
    }
    try (Statement s = source.createStatement()) {
      s.execute(
          "INSERT INTO item VALUES (1, TRUE, -32768, 2147483647, 1.5, -0.1, 12345678.901, 'abc',"
              + " 'grüße, \"世界\"\r\nline two', '{\"a\": [1, 2]}', X'00FF7F', X'80',"
              + " DATE '2024-02-29', TIME '23:59:58.123456789', TIMESTAMP '2000-01-01 00:00:01.5',"
              + " TIMESTAMP '2024-05-06 07:08:09', '[1, -2.5, 0.00003]')");
      s.execute("INSERT INTO item (id, body) VALUES (2, '')");
      s.execute("INSERT INTO item (id, body, d) VALUES (3, 'NULL', 1e300)");
      s.execute("INSERT INTO item (id) VALUES (4)");
    }
  }

  @AfterEach
  void close() throws SQLException {
    source.close();
    copy.close();
  }

  @ParameterizedTest
  @EnumSource(Transfer.class)
  void aTableExportedAndImportedIntoAnEmptyCopyHasEqualRows(Transfer format) throws Exception {
    Path file = dir.resolve("item." + format.name().toLowerCase(Locale.ROOT));
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      assertThat(format.exportTable(source, "ITEM", out)).isEqualTo(4);
    }
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      assertThat(format.importInto(copy, "item", in, file.toString())).isEqualTo(4);
    }
    assertThat(rows(copy)).isEqualTo(rows(source)).hasSize(4);
    assertThat(rows(copy).get(1))
        .as("the empty string stays apart from NULL")
        .contains("")
        .containsNull();
    assertThat(rows(copy).get(2)).as("the text NULL is not NULL").contains("NULL");
  }

  @Test
  void csvHasAHeaderQuotesTextAndLeavesNullEmpty() throws Exception {
    StringWriter out = new StringWriter();
    Transfer.CSV.exportQuery(
        source, "SELECT id, body, bin, day, ts FROM item WHERE id IN (1, 2, 4) ORDER BY id", out);
    assertThat(out.toString())
        .isEqualTo(
            "\"id\",\"body\",\"bin\",\"day\",\"ts\"\r\n"
                + "1,\"grüße, \"\"世界\"\"\r\nline two\",\"00FF7F\",\"2024-02-29\","
                + "\"2000-01-01 00:00:01.5\"\r\n"
                + "2,\"\",,,\r\n"
                + "4,,,,\r\n");
  }

  @Test
  void aFileFromAnotherToolLoadsWithItsColumnsInAnyOrderAndCase() throws Exception {
    String csv = "BODY,Id,flag\nhello,10,true\n,11,0\n";
    assertThat(Transfer.CSV.importInto(copy, "item", new StringReader(csv), "f.csv")).isEqualTo(2);
    assertThat(rows(copy))
        .extracting(
            r ->
                List.of(
                    String.valueOf(r.get(0)), String.valueOf(r.get(1)), String.valueOf(r.get(8))))
        .containsExactly(List.of("10", "true", "hello"), List.of("11", "false", "null"));
  }

  @Test
  void aBadValueNamesItsLineAndColumnAndNothingIsImported() throws Exception {
    String csv = "id,n\n1,5\n2,five\n3,7\n";
    assertThatThrownBy(
            () -> Transfer.CSV.importInto(copy, "item", new StringReader(csv), "note.csv"))
        .isInstanceOf(SQLException.class)
        .hasMessage("note.csv line 3, column 'n' of table 'item' is INTEGER, got 'five'")
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("22018");
    assertThat(count(copy)).as("the import is one transaction").isZero();
  }

  @Test
  void aRefusedRowNamesItsLineWithTheDatabasesStateAndNothingIsImported() throws Exception {
    String json = "{\"id\": 1}\n\n{\"id\": 2}\n{\"id\": 1, \"body\": \"again\"}\n";
    assertThatThrownBy(
            () -> Transfer.JSON.importInto(copy, "item", new StringReader(json), "item.jsonl"))
        .isInstanceOf(SQLException.class)
        .hasMessageStartingWith("item.jsonl line 4: ")
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("23505");
    assertThat(count(copy)).isZero();
    assertThat(copy.getAutoCommit()).as("the connection is as it was").isTrue();
  }

  @Test
  void malformedInputIsRefusedByName() throws Exception {
    assertThatThrownBy(
            () ->
                Transfer.CSV.importInto(copy, "item", new StringReader("id,nope\n1,2\n"), "x.csv"))
        .hasMessage("x.csv line 2: table 'item' has no column 'nope'")
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("42703");
    assertThatThrownBy(
            () -> Transfer.CSV.importInto(copy, "item", new StringReader("id,n\n1\n"), "x.csv"))
        .hasMessage("x.csv line 2 has 1 fields, the header names 2");
    assertThatThrownBy(
            () -> Transfer.CSV.importInto(copy, "nothing", new StringReader("id\n1\n"), "x.csv"))
        .hasMessage("no table 'nothing'")
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("42P01");
    assertThatThrownBy(
            () -> Transfer.JSON.importInto(copy, "item", new StringReader("[1]\n"), "x.jsonl"))
        .hasMessage("x.jsonl line 1 is not a JSON object of column values");
  }

  private static long count(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM item")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Every row, by id, with arrays as text so that rows compare by value. */
  private static List<List<Object>> rows(Connection c) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM item ORDER BY id")) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          Object v = rs.getObject(i);
          if (v instanceof byte[] b) {
            v = HexFormat.of().formatHex(b);
          } else if (v instanceof float[] f) {
            v = Arrays.toString(f);
          }
          row.add(v);
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
