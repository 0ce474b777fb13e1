package io.pluresdb.driver.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(180)
class DatabaseMetaDataTest {
  private Connection c;
  private DatabaseMetaData md;

  @BeforeEach
  void open() throws SQLException {
    c = Db.connect(Db.freshMemoryUrl());
    Db.exec(
        c,
        "CREATE TABLE artist (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL)",
        "CREATE TABLE album (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL, year INTEGER,"
            + " price DECIMAL(8,2) DEFAULT 9.99, artist_id BIGINT REFERENCES artist (id))",
        "CREATE INDEX album_year ON album (year)",
        "CREATE VIEW recent AS SELECT name FROM album WHERE year > 2000",
        "CREATE TABLE a_b (x INTEGER)",
        "CREATE TABLE axb (x INTEGER)");
    md = c.getMetaData();
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  private static List<String> column(ResultSet rs, String name) throws SQLException {
    List<String> out = new ArrayList<>();
    while (rs.next()) {
      out.add(rs.getString(name));
    }
    return out;
  }

  private static List<String> labels(ResultSet rs) throws SQLException {
    ResultSetMetaData m = rs.getMetaData();
    List<String> out = new ArrayList<>();
    for (int i = 1; i <= m.getColumnCount(); i++) {
      out.add(m.getColumnLabel(i));
    }
    return out;
  }

  @Test
  void tablesAndViewsWithPatternsAndEscapes() throws SQLException {
    assertThat(labels(md.getTables(null, null, null, null)))
        .startsWith("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE", "REMARKS");
    assertThat(column(md.getTables(null, "main", "%", new String[] {"TABLE"}), "TABLE_NAME"))
        .containsExactly("a_b", "album", "artist", "axb");
    assertThat(column(md.getTables(null, null, "%", new String[] {"VIEW"}), "TABLE_NAME"))
        .containsExactly("recent");
    assertThat(column(md.getTables(null, null, "a_b", null), "TABLE_NAME"))
        .containsExactly("a_b", "axb");
    assertThat(column(md.getTables(null, null, "a\\_b", null), "TABLE_NAME"))
        .containsExactly("a_b");
    assertThat(column(md.getTables(null, "other", null, null), "TABLE_NAME")).isEmpty();
    assertThat(column(md.getSchemas(), "TABLE_SCHEM")).containsExactly("main");
    assertThat(column(md.getTableTypes(), "TABLE_TYPE"))
        .containsExactly("LOCAL TEMPORARY", "SEQUENCE", "TABLE", "VIEW");
    assertThat(md.getCatalogs().next()).isFalse();
  }

  @Test
  void sequencesAreListedAsTablesOfTypeSequence() throws SQLException {
    Db.exec(c, "CREATE SEQUENCE order_seq INCREMENT BY 50", "CREATE SEQUENCE album_seq");
    assertThat(column(md.getTables(null, null, "%", new String[] {"SEQUENCE"}), "TABLE_NAME"))
        .containsExactly("album_seq", "order_seq");
    ResultSet all = md.getTables(null, "main", "order%", null);
    assertThat(all.next()).isTrue();
    assertThat(all.getString("TABLE_TYPE")).isEqualTo("SEQUENCE");
    assertThat(all.next()).isFalse();
    assertThat(column(md.getTables(null, null, "%", new String[] {"TABLE"}), "TABLE_NAME"))
        .doesNotContain("order_seq");
  }

  @Test
  void columnsCarryTypesSizesNullabilityAndDefaults() throws SQLException {
    ResultSet rs = md.getColumns(null, null, "album", null);
    assertThat(labels(rs))
        .hasSize(24)
        .startsWith(
            "TABLE_CAT",
            "TABLE_SCHEM",
            "TABLE_NAME",
            "COLUMN_NAME",
            "DATA_TYPE",
            "TYPE_NAME",
            "COLUMN_SIZE")
        .endsWith("IS_AUTOINCREMENT", "IS_GENERATEDCOLUMN");
    List<String> seen = new ArrayList<>();
    while (rs.next()) {
      seen.add(
          rs.getString("COLUMN_NAME")
              + ":"
              + rs.getInt("DATA_TYPE")
              + ":"
              + rs.getString("TYPE_NAME")
              + ":"
              + rs.getInt("COLUMN_SIZE")
              + ":"
              + rs.getInt("NULLABLE")
              + ":"
              + rs.getString("IS_NULLABLE")
              + ":"
              + rs.getInt("ORDINAL_POSITION"));
      if (rs.getString("COLUMN_NAME").equals("price")) {
        assertThat(rs.getInt("DECIMAL_DIGITS")).isEqualTo(2);
        assertThat(rs.getString("COLUMN_DEF")).contains("9.99");
      }
    }
    assertThat(seen)
        .containsExactly(
            "id:" + Types.BIGINT + ":BIGINT:19:0:NO:1",
            "name:" + Types.VARCHAR + ":VARCHAR:100:0:NO:2",
            "year:" + Types.INTEGER + ":INTEGER:10:1:YES:3",
            "price:" + Types.DECIMAL + ":DECIMAL:8:1:YES:4",
            "artist_id:" + Types.BIGINT + ":BIGINT:19:1:YES:5");
    assertThat(column(md.getColumns(null, null, "recent", null), "COLUMN_NAME"))
        .containsExactly("name");
  }

  @Test
  void identityColumnsAreReportedAsAutoIncrement() throws SQLException {
    Db.exec(
        c,
        "CREATE TABLE note (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
            + " body VARCHAR(10))");
    assertThat(column(md.getColumns(null, null, "note", null), "IS_AUTOINCREMENT"))
        .containsExactly("YES", "NO");
    try (java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT id, body FROM note")) {
      assertThat(rs.getMetaData().isAutoIncrement(1)).isTrue();
      assertThat(rs.getMetaData().isAutoIncrement(2)).isFalse();
      assertThat(rs.getMetaData().getTableName(1)).isEqualTo("note");
    }
  }

  @Test
  void keysAndIndexes() throws SQLException {
    assertThat(column(md.getPrimaryKeys(null, null, "album"), "COLUMN_NAME")).containsExactly("id");
    ResultSet ix = md.getIndexInfo(null, null, "album", false, true);
    assertThat(labels(ix)).startsWith("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "NON_UNIQUE");
    assertThat(ix.next()).isTrue();
    assertThat(ix.getString("INDEX_NAME"))
        .as("the primary key's index first")
        .isEqualTo("PK_album");
    assertThat(ix.getString("COLUMN_NAME")).isEqualTo("id");
    assertThat(ix.getBoolean("NON_UNIQUE")).isFalse();
    assertThat(ix.next()).isTrue();
    assertThat(ix.getString("INDEX_NAME")).isEqualTo("album_year");
    assertThat(ix.getString("COLUMN_NAME")).isEqualTo("year");
    assertThat(ix.getBoolean("NON_UNIQUE")).isTrue();
    ResultSet fk = md.getImportedKeys(null, null, "album");
    assertThat(fk.next()).isTrue();
    assertThat(fk.getString("PKTABLE_NAME")).isEqualTo("artist");
    assertThat(fk.getString("PKCOLUMN_NAME")).isEqualTo("id");
    assertThat(fk.getString("FKCOLUMN_NAME")).isEqualTo("artist_id");
    assertThat(fk.getShort("KEY_SEQ")).isEqualTo((short) 1);
    assertThat(column(md.getExportedKeys(null, null, "artist"), "FKTABLE_NAME"))
        .containsExactly("album");
    assertThat(
            column(
                md.getCrossReference(null, null, "artist", null, null, "album"), "FKCOLUMN_NAME"))
        .containsExactly("artist_id");
  }

  @Test
  void typeInfoAndDialectAnswers() throws SQLException {
    List<String> types = column(md.getTypeInfo(), "TYPE_NAME");
    assertThat(types).contains("BIGINT", "VARCHAR", "DATE", "TIMESTAMP", "DECIMAL", "BOOLEAN");
    assertThat(md.storesLowerCaseIdentifiers()).isFalse();
    assertThat(md.storesMixedCaseIdentifiers()).isTrue();
    assertThat(md.storesUpperCaseIdentifiers()).isFalse();
    assertThat(md.getIdentifierQuoteString()).isEqualTo("\"");
    assertThat(md.getDatabaseProductName()).isEqualTo("PluresDB");
    assertThat(md.supportsTransactionIsolationLevel(Connection.TRANSACTION_SERIALIZABLE)).isTrue();
    assertThat(md.supportsResultSetType(ResultSet.TYPE_SCROLL_SENSITIVE)).isFalse();
    assertThat(md.getProcedures(null, null, null).next()).isFalse();
    assertThat(labels(md.getFunctions(null, null, null))).startsWith("FUNCTION_CAT");
  }

  @Test
  void namesAreReportedAsWrittenAndPatternsMatchThemInAnyCase() throws SQLException {
    Db.exec(c, "CREATE TABLE MixedCase (SomeColumn INTEGER)");
    assertThat(column(md.getTables(null, null, "mixedcase", null), "TABLE_NAME"))
        .containsExactly("MixedCase");
    assertThat(column(md.getTables(null, null, "MIXED%", null), "TABLE_NAME"))
        .containsExactly("MixedCase");
    assertThat(column(md.getColumns(null, null, "mixedcase", "SOME%"), "COLUMN_NAME"))
        .containsExactly("SomeColumn");
  }

  @Test
  void schemaQualifiedNamesWorkAsTheMetadataSays() throws SQLException {
    assertThat(md.supportsSchemasInDataManipulation()).isTrue();
    Db.exec(
        c,
        "INSERT INTO main.artist (id, name) VALUES (1, 'x')",
        "CREATE TABLE main.qualified (id INTEGER)");
    assertThat(Db.rows(c, "SELECT name FROM main.artist")).containsExactly("x");
    assertThat(column(md.getTables(null, "main", "qualified", null), "TABLE_NAME"))
        .containsExactly("qualified");
  }

  @Test
  void nullsSortAsTheMetadataSays() throws SQLException {
    assertThat(md.nullsAreSortedLow()).isTrue();
    Db.exec(c, "INSERT INTO a_b VALUES (2), (NULL), (1)");
    assertThat(Db.rows(c, "SELECT x FROM a_b ORDER BY x")).containsExactly("null", "1", "2");
    assertThat(Db.rows(c, "SELECT x FROM a_b ORDER BY x DESC")).containsExactly("2", "1", "null");
  }

  /** One call of each function the metadata lists, so that the lists cannot claim too much. */
  private static final Map<String, String> CALLS =
      Map.ofEntries(
          Map.entry("ABS", "ABS(-1)"),
          Map.entry("CEIL", "CEIL(1.5)"),
          Map.entry("CEILING", "CEILING(1.5)"),
          Map.entry("EXP", "EXP(0)"),
          Map.entry("FLOOR", "FLOOR(1.5)"),
          Map.entry("LN", "LN(1.0)"),
          Map.entry("LOG10", "LOG10(100)"),
          Map.entry("MOD", "MOD(7, 3)"),
          Map.entry("POWER", "POWER(2, 3)"),
          Map.entry("ROUND", "ROUND(1.25)"),
          Map.entry("SIGN", "SIGN(-2)"),
          Map.entry("SQRT", "SQRT(4.0)"),
          Map.entry("CHAR_LENGTH", "CHAR_LENGTH('abc')"),
          Map.entry("CHARACTER_LENGTH", "CHARACTER_LENGTH('abc')"),
          Map.entry("LOWER", "LOWER('A')"),
          Map.entry("POSITION", "POSITION('b' IN 'abc')"),
          Map.entry("REPLACE", "REPLACE('abc', 'b', 'x')"),
          Map.entry("SUBSTRING", "SUBSTRING('abc' FROM 2 FOR 1)"),
          Map.entry("TRIM", "TRIM(' a ')"),
          Map.entry("UPPER", "UPPER('a')"),
          Map.entry("COALESCE", "COALESCE(NULL, 1)"),
          Map.entry("NULLIF", "NULLIF(1, 2)"),
          Map.entry("CURRENT_DATE", "CURRENT_DATE"),
          Map.entry("CURRENT_TIME", "CURRENT_TIME"),
          Map.entry("CURRENT_TIMESTAMP", "CURRENT_TIMESTAMP"),
          Map.entry("EXTRACT", "EXTRACT(YEAR FROM DATE '2020-01-01')"));

  @Test
  void everyListedFunctionRuns() throws SQLException {
    List<String> listed = new ArrayList<>();
    for (String list :
        new String[] {
          md.getNumericFunctions(),
          md.getStringFunctions(),
          md.getSystemFunctions(),
          md.getTimeDateFunctions()
        }) {
      listed.addAll(List.of(list.split(",")));
    }
    for (String f : listed) {
      assertThat(CALLS).as("a call of " + f).containsKey(f);
      assertThat(Db.rows(c, "SELECT " + CALLS.get(f))).as(f).hasSize(1);
    }
  }
}
