package io.pluresdb.tck.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pluresdb.liquibase.PluresLiquibaseDatabase;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import liquibase.command.CommandScope;
import liquibase.command.core.StatusCommandStep;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.ValidateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Liquibase's update, status and validate commands, given only a {@code jdbc:pluresdb:} URL as its
 * command line is, with changelogs from the classpath; each command opens its own connection.
 */
@Timeout(300)
class LiquibaseTest {
  @TempDir Path tmp;

  private String url() {
    return "jdbc:pluresdb:" + tmp.resolve("library.db");
  }

  private String run(String[] command, String changelog) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new CommandScope(command)
        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.URL_ARG, url())
        .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog)
        .setOutput(out)
        .execute();
    return out.toString(StandardCharsets.UTF_8);
  }

  private String update(String changelog) throws Exception {
    return run(UpdateCommandStep.COMMAND_NAME, changelog);
  }

  private List<String> rows(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<String> out = new ArrayList<>();
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          row.append(i > 1 ? "|" : "").append(rs.getString(i));
        }
        out.add(row.toString());
      }
      return out;
    }
  }

  @Test
  void picksItsPluresDatabaseForAPluresConnection() throws Exception {
    try (Connection c = DriverManager.getConnection(url())) {
      Database db =
          DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
      assertThat(db).isInstanceOf(PluresLiquibaseDatabase.class);
      assertThat(db.getShortName()).isEqualTo("pluresdb");
      assertThat(db.getDefaultDriver(url())).isEqualTo("io.pluresdb.jdbc.PluresDriver");
    }
  }

  @Test
  void updateCreatesAltersAndSeedsAndKeepsItsChangelog() throws Exception {
    update("liquibase/release-1.xml");

    assertThat(
            rows(
                "SELECT a.name, b.title, b.published FROM book b"
                    + " JOIN author a ON a.id = b.author_id ORDER BY b.id"))
        .containsExactly("Stanisław Lem|Solaris|1961", "Stanisław Lem|The Cyberiad|null");
    assertThat(
            rows(
                "SELECT ID, AUTHOR, FILENAME, EXECTYPE FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED"))
        .containsExactly(
            "1-author|library|liquibase/001-library.xml|EXECUTED",
            "2-book|library|liquibase/001-library.xml|EXECUTED",
            "3-seed|library|liquibase/001-library.xml|EXECUTED",
            "4-year|library|liquibase/001-library.xml|EXECUTED");
    assertThat(rows("SELECT MD5SUM FROM DATABASECHANGELOG")).allMatch(s -> s.startsWith("9:"));
    // the lock is taken during the update and released after it
    assertThat(rows("SELECT ID, LOCKED, LOCKEDBY FROM DATABASECHANGELOGLOCK"))
        .singleElement()
        .satisfies(r -> assertThat(r).matches("1\\|(0|false)\\|null"));
  }

  @Test
  void aLaterReleaseRunsOnTheNextStartAndNothingTwice() throws Exception {
    update("liquibase/release-1.xml");
    update("liquibase/release-1.xml");
    assertThat(rows("SELECT COUNT(*) FROM DATABASECHANGELOG")).containsExactly("4");

    String status = run(StatusCommandStep.COMMAND_NAME, "liquibase/release-2.xml");
    assertThat(status).contains("1 changeset").contains("002-loans.xml::5-loan::library");

    update("liquibase/release-2.xml");
    assertThat(rows("SELECT ID FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED"))
        .endsWith("4-year", "5-loan")
        .hasSize(5);
    assertThat(rows("SELECT b.title, l.due FROM loan l JOIN book b ON b.id = l.book_id"))
        .containsExactly("The Cyberiad|2026-12-24");
    assertThat(run(StatusCommandStep.COMMAND_NAME, "liquibase/release-2.xml"))
        .contains("is up to date");
    // validate throws on a changelog that does not match the database's history
    assertThatCode(() -> run(ValidateCommandStep.COMMAND_NAME, "liquibase/release-2.xml"))
        .doesNotThrowAnyException();
  }

  /**
   * The changes SQLite's own Liquibase support rebuilds tables for (or refuses) run on PluresDB,
   * and the schema Liquibase leaves is what the changelog says, with the rows kept.
   */
  @Test
  void reshapingChangesAlterTheSchemaAndKeepTheRows() throws Exception {
    update("liquibase/release-2.xml");
    update("liquibase/release-3.xml");

    assertThat(rows("SELECT ID FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED"))
        .endsWith("5-loan", "6-not-null", "7-defaults", "8-columns", "9-keys", "10-use");
    assertThat(rows("SELECT id, title, published, isbn FROM book ORDER BY id"))
        .containsExactly(
            "1|Solaris|1961|978-0156027601", "2|The Cyberiad|1965|null", "3|Fiasco|2000|null");
    assertThat(rows("SELECT id, book_id, due_on FROM loan ORDER BY id"))
        .containsExactly("1|2|2026-12-24", "2|null|null");
    assertThat(rows("SELECT name FROM author")).containsExactly("Stanisław Lem");

    try (Connection c = DriverManager.getConnection(url())) {
      DatabaseMetaData md = c.getMetaData();
      assertThat(column(md, "book", "published"))
          .containsEntry("NULLABLE", String.valueOf(DatabaseMetaData.columnNoNulls))
          .containsEntry("COLUMN_DEF", "2000");
      assertThat(column(md, "book", "title")).containsEntry("COLUMN_SIZE", "300");
      assertThat(column(md, "loan", "book_id"))
          .containsEntry("NULLABLE", String.valueOf(DatabaseMetaData.columnNullable));
      assertThat(column(md, "loan", "due_on")).containsEntry("COLUMN_DEF", null);
      assertThat(column(md, "loan", "due")).isEmpty();
      assertThat(column(md, "author", "born")).isEmpty();
      assertThat(indexes(md, "book")).contains("isbn unique");
      assertThat(indexes(md, "loan")).contains("due_on");
      try (ResultSet fk = md.getImportedKeys(null, null, "loan")) {
        assertThat(fk.next()).isTrue();
        assertThat(fk.getString("PKTABLE_NAME")).isEqualTo("book");
        assertThat(fk.getString("PKCOLUMN_NAME")).isEqualTo("id");
        assertThat(fk.getString("FKCOLUMN_NAME")).isEqualTo("book_id");
        assertThat(fk.next()).isFalse();
      }

      Statement s = c.createStatement();
      assertThatThrownBy(() -> s.executeUpdate("UPDATE book SET published = NULL WHERE id = 3"))
          .isInstanceOf(SQLException.class)
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("23502");
      assertThatThrownBy(
              () -> s.executeUpdate("UPDATE book SET isbn = '978-0156027601' WHERE id = 2"))
          .isInstanceOf(SQLException.class)
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("23505");
      assertThatThrownBy(() -> s.executeUpdate("INSERT INTO loan(id, book_id) VALUES (3, 99)"))
          .isInstanceOf(SQLException.class)
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("23503");
    }
  }

  /** The metadata row of one column, by label; empty if the column does not exist. */
  private static Map<String, String> column(DatabaseMetaData md, String table, String column)
      throws SQLException {
    Map<String, String> out = new HashMap<>();
    try (ResultSet rs = md.getColumns(null, null, table, column)) {
      if (rs.next()) {
        for (String label : List.of("NULLABLE", "COLUMN_DEF", "COLUMN_SIZE", "TYPE_NAME")) {
          out.put(label, rs.getString(label));
        }
      }
    }
    return out;
  }

  /** Each index of the table as its columns, with " unique" for a unique one. */
  private static List<String> indexes(DatabaseMetaData md, String table) throws SQLException {
    Map<String, String> byName = new TreeMap<>();
    try (ResultSet rs = md.getIndexInfo(null, null, table, false, false)) {
      while (rs.next()) {
        String name = rs.getString("INDEX_NAME");
        String col = rs.getString("COLUMN_NAME");
        byName.merge(
            name, col + (rs.getBoolean("NON_UNIQUE") ? "" : " unique"), (a, b) -> a + "," + b);
      }
    }
    return new ArrayList<>(byName.values());
  }
}
