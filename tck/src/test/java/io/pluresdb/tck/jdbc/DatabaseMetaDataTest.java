package io.pluresdb.tck.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DatabaseMetaData answers what tools ask, consistently with how the database behaves. */
class DatabaseMetaDataTest {
  Connection c;
  DatabaseMetaData md;

  /** How this database stores an unquoted identifier, per its own answers. */
  UnaryOperator<String> stored;

  @BeforeEach
  void open() throws Exception {
    c = Db.open(Db.memUrl());
    Db.exec(
        c,
        "CREATE TABLE Artist (Id BIGINT PRIMARY KEY, Name VARCHAR(80) NOT NULL)",
        "CREATE TABLE album (id BIGINT PRIMARY KEY, artist_id BIGINT, title VARCHAR(100),"
            + " year INTEGER, released DATE, price DECIMAL(8, 2), ok BOOLEAN,"
            + " seen TIMESTAMP, cover VARBINARY(64))",
        "CREATE INDEX album_year ON album (year)",
        "CREATE TABLE pair (a INTEGER NOT NULL, b INTEGER NOT NULL, PRIMARY KEY (a, b))");
    md = c.getMetaData();
    stored =
        md.storesUpperCaseIdentifiers()
            ? s -> s.toUpperCase(Locale.ROOT)
            : md.storesLowerCaseIdentifiers() ? s -> s.toLowerCase(Locale.ROOT) : s -> s;
  }

  @AfterEach
  void close() throws Exception {
    c.close();
  }

  @Test
  void exactlyOneUnquotedIdentifierCasingIsClaimed() throws Exception {
    int claims =
        (md.storesUpperCaseIdentifiers() ? 1 : 0)
            + (md.storesLowerCaseIdentifiers() ? 1 : 0)
            + (md.storesMixedCaseIdentifiers() ? 1 : 0);
    assertThat(claims).isEqualTo(1);
    assertThat(md.supportsMixedCaseIdentifiers())
        .as("unquoted names are case-insensitive")
        .isFalse();
  }

  @Test
  void tablesAreListedUnderTheNameTheCasingAnswerPredicts() throws Exception {
    List<String> names = new ArrayList<>();
    try (ResultSet rs = md.getTables(null, null, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME"));
        assertThat(rs.getString("TABLE_TYPE")).isEqualTo("TABLE");
      }
    }
    assertThat(names).contains(stored.apply("Artist"), stored.apply("album"), stored.apply("pair"));
    assertThat(names)
        .as("internal tables are not shown")
        .allSatisfy(
            n -> assertThat(n).doesNotStartWith("_").doesNotStartWithIgnoringCase("sqlite_"));
    try (ResultSet rs = md.getTables(null, null, stored.apply("Artist"), null)) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("TABLE_NAME")).isEqualTo(stored.apply("Artist"));
    }
  }

  @Test
  void columnsReportJdbcTypesSizesAndNullability() throws Exception {
    Map<String, Integer> types = new HashMap<>();
    Map<String, Integer> positions = new HashMap<>();
    try (ResultSet rs = md.getColumns(null, null, stored.apply("album"), "%")) {
      while (rs.next()) {
        types.put(rs.getString("COLUMN_NAME"), rs.getInt("DATA_TYPE"));
        positions.put(rs.getString("COLUMN_NAME"), rs.getInt("ORDINAL_POSITION"));
        if (rs.getString("COLUMN_NAME").equals(stored.apply("title"))) {
          assertThat(rs.getInt("COLUMN_SIZE")).isEqualTo(100);
          assertThat(rs.getInt("NULLABLE")).isEqualTo(DatabaseMetaData.columnNullable);
          assertThat(rs.getString("IS_NULLABLE")).isEqualTo("YES");
        }
        if (rs.getString("COLUMN_NAME").equals(stored.apply("price"))) {
          assertThat(rs.getInt("COLUMN_SIZE")).isEqualTo(8);
          assertThat(rs.getInt("DECIMAL_DIGITS")).isEqualTo(2);
        }
      }
    }
    assertThat(types)
        .containsEntry(stored.apply("id"), Types.BIGINT)
        .containsEntry(stored.apply("title"), Types.VARCHAR)
        .containsEntry(stored.apply("year"), Types.INTEGER)
        .containsEntry(stored.apply("released"), Types.DATE)
        .containsEntry(stored.apply("price"), Types.DECIMAL)
        .containsEntry(stored.apply("ok"), Types.BOOLEAN)
        .containsEntry(stored.apply("seen"), Types.TIMESTAMP)
        .containsEntry(stored.apply("cover"), Types.VARBINARY)
        .hasSize(9);
    assertThat(positions)
        .containsEntry(stored.apply("id"), 1)
        .containsEntry(stored.apply("cover"), 9);
    try (ResultSet rs = md.getColumns(null, null, stored.apply("Artist"), stored.apply("Name"))) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt("NULLABLE")).isEqualTo(DatabaseMetaData.columnNoNulls);
    }
  }

  @Test
  void primaryKeysListEveryKeyColumnInOrder() throws Exception {
    assertThat(primaryKey("album")).containsExactly(stored.apply("id"));
    assertThat(primaryKey("pair")).containsExactly(stored.apply("a"), stored.apply("b"));
  }

  private List<String> primaryKey(String table) throws SQLException {
    Map<Integer, String> bySeq = new java.util.TreeMap<>();
    try (ResultSet rs = md.getPrimaryKeys(null, null, stored.apply(table))) {
      while (rs.next()) {
        bySeq.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
      }
    }
    return new ArrayList<>(bySeq.values());
  }

  @Test
  void indexInfoListsCreatedIndexes() throws Exception {
    List<String> indexed = new ArrayList<>();
    try (ResultSet rs = md.getIndexInfo(null, null, stored.apply("album"), false, false)) {
      while (rs.next()) {
        if (stored.apply("album_year").equals(rs.getString("INDEX_NAME"))) {
          indexed.add(rs.getString("COLUMN_NAME"));
          assertThat(rs.getBoolean("NON_UNIQUE")).isTrue();
        }
      }
    }
    assertThat(indexed).containsExactly(stored.apply("year"));
  }

  @Test
  void typeInfoCoversTheDeclarableTypes() throws Exception {
    Map<Integer, String> types = new HashMap<>();
    try (ResultSet rs = md.getTypeInfo()) {
      while (rs.next()) {
        types.putIfAbsent(rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME"));
      }
    }
    assertThat(types)
        .containsKeys(
            Types.BOOLEAN,
            Types.INTEGER,
            Types.BIGINT,
            Types.DOUBLE,
            Types.DECIMAL,
            Types.VARCHAR,
            Types.DATE,
            Types.TIME,
            Types.TIMESTAMP,
            Types.VARBINARY);
  }

  @Test
  void productAndDriverDescribeThemselves() throws Exception {
    assertThat(md.getDatabaseProductName()).isNotBlank();
    assertThat(md.getDatabaseProductVersion()).isNotBlank();
    assertThat(md.getDriverName()).isNotBlank();
    assertThat(md.getDriverVersion()).isNotBlank();
    assertThat(md.getJDBCMajorVersion()).isEqualTo(4);
    assertThat(md.getURL()).startsWith("jdbc:pluresdb:mem:");
    assertThat(md.getConnection()).isSameAs(c);
    assertThat(md.getIdentifierQuoteString()).isEqualTo("\"");
    assertThat(md.supportsBatchUpdates()).isTrue();
    assertThat(md.supportsGetGeneratedKeys()).isTrue();
    assertThat(md.supportsResultSetType(ResultSet.TYPE_FORWARD_ONLY)).isTrue();
    assertThat(md.supportsResultSetType(ResultSet.TYPE_SCROLL_INSENSITIVE)).isTrue();
    try (ResultSet rs = md.getSchemas()) {
      assertThat(rs.getMetaData().getColumnCount()).isGreaterThanOrEqualTo(2);
    }
    try (ResultSet rs = md.getCatalogs()) {
      assertThat(rs.getMetaData().getColumnCount()).isGreaterThanOrEqualTo(1);
    }
  }

  @Test
  void quotedIdentifiersKeepTheirCase() throws Exception {
    Db.exec(
        c,
        "CREATE TABLE \"MixedCase\" (\"Key\" INTEGER PRIMARY KEY)",
        "INSERT INTO \"MixedCase\" VALUES (7)");
    try (ResultSet rs = md.getTables(null, null, "MixedCase", null)) {
      assertThat(rs.next()).isTrue();
    }
    assertThat(Db.scalar(c, "SELECT \"Key\" FROM \"MixedCase\"")).isIn(7, 7L);
  }
}
