package io.pluresdb.driver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.jdbc.PluresDriver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pluresdb export} and {@code pluresdb import} on real files: in this JVM, and as a second
 * OS process while this one holds the database (its import goes through this process, which sees
 * the rows at once).
 */
@Timeout(300)
class ExportImportCommandTest {
  private static final String NOTE =
      "CREATE TABLE note (id BIGINT PRIMARY KEY, body VARCHAR(100), stamp TIMESTAMP, raw BLOB)";

  private static final String EOL = System.lineSeparator();

  @TempDir Path dir;
  Path db;

  @BeforeEach
  void createDatabase() throws SQLException {
    PluresDriver.register();
    db = dir.resolve("app.db");
    try (Connection c = DriverManager.getConnection("jdbc:pluresdb:" + db);
        Statement s = c.createStatement()) {
      s.execute(NOTE);
      s.execute(
          "INSERT INTO note VALUES (1, 'first, \"quoted\"', TIMESTAMP '2026-12-02 09:00:00', X'CAFE'),"
              + " (2, '', NULL, NULL), (3, NULL, NULL, X'')");
    }
  }

  @Test
  void aTableExportedAndImportedIntoAnEmptyDatabaseHasEqualRows() throws Exception {
    Path csv = dir.resolve("note.csv");
    assertThat(Main.run("export", db.toString(), "--table", "note", "--output", csv.toString()))
        .isZero();
    Path empty = emptyCopy("copy.db");
    assertThat(Main.run("import", empty.toString(), "--table", "note", csv.toString())).isZero();
    assertThat(rows(empty, "SELECT * FROM note ORDER BY id"))
        .isEqualTo(rows(db, "SELECT * FROM note ORDER BY id"))
        .hasSize(3);
  }

  @Test
  void aQueryExportsAsJsonLines() throws Exception {
    Path json = dir.resolve("note.jsonl");
    int exit =
        Main.run(
            "export",
            "jdbc:pluresdb:" + db,
            "--query",
            "SELECT id, body FROM note WHERE id < 3 ORDER BY id",
            "--format",
            "json",
            "--output",
            json.toString());
    assertThat(exit).isZero();
    assertThat(Files.readAllLines(json, StandardCharsets.UTF_8))
        .containsExactly(
            "{\"id\":1,\"body\":\"first, \\\"quoted\\\"\"}", "{\"id\":2,\"body\":\"\"}");
  }

  @Test
  void aBadFileImportsNothingAndExitsWithOne() throws Exception {
    Path csv = dir.resolve("bad.csv");
    Files.writeString(csv, "id,body\n10,ok\nten,bad\n", StandardCharsets.UTF_8);
    assertThat(Main.run("import", db.toString(), "--table", "note", csv.toString())).isEqualTo(1);
    assertThat(rows(db, "SELECT id FROM note WHERE id = 10")).isEmpty();
  }

  @Test
  void theCommandsWorkWhileAnotherProcessHoldsTheDatabase() throws Exception {
    Path csv = dir.resolve("more.csv");
    Files.writeString(
        csv, "id,body\r\n20,\"from the command line\"\r\n21,\r\n", StandardCharsets.UTF_8);
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "id,body\n30,ok\n1,duplicate\n", StandardCharsets.UTF_8);
    try (Connection owner = DriverManager.getConnection("jdbc:pluresdb:" + db)) {
      CliProcess export = cli("export", db.toString(), "--table", "note");
      assertThat(export.exit()).as(export.errors()).isZero();
      assertThat(export.errors()).as("the final count").endsWith("3 rows exported" + EOL);
      assertThat(export.output())
          .startsWith("\"id\",\"body\",\"stamp\",\"raw\"\r\n")
          .contains("1,\"first, \"\"quoted\"\"\",\"2026-12-02 09:00:00\",\"CAFE\"\r\n");

      CliProcess load = cli("import", db.toString(), "--table", "note", csv.toString());
      assertThat(load.exit()).as(load.errors()).isZero();
      assertThat(load.errors()).endsWith("2 rows imported into note" + EOL);
      assertThat(rows(owner, "SELECT id, body FROM note WHERE id >= 20 ORDER BY id"))
          .containsExactly(
              List.of(20L, "from the command line"), java.util.Arrays.asList(21L, null));

      CliProcess refused = cli("import", db.toString(), "--table", "note", bad.toString());
      assertThat(refused.exit()).isEqualTo(1);
      assertThat(refused.errors()).contains(bad + " line 3: ").contains("23505");
      assertThat(rows(owner, "SELECT id FROM note WHERE id = 30")).as("all or none").isEmpty();
    }
  }

  @Test
  void aDatabaseFileThatDoesNotExistIsRefusedAndNotCreated() throws Exception {
    Path typo = dir.resolve("ap.db");
    Path csv = dir.resolve("note.csv");
    Files.writeString(csv, "id,body\n10,ok\n", StandardCharsets.UTF_8);
    CliProcess export = cli("export", typo.toString(), "--table", "note");
    assertThat(export.exit()).isEqualTo(1);
    assertThat(export.errors())
        .contains("database file '" + typo.toAbsolutePath() + "' does not exist")
        .contains("08001");
    assertThat(export.output()).isEmpty();
    assertThat(Main.run("import", typo.toString(), "--table", "note", csv.toString())).isEqualTo(1);
    assertThat(Main.run("export", "jdbc:pluresdb:" + typo, "--table", "note")).isEqualTo(1);
    assertThat(typo).doesNotExist();
  }

  @Test
  void importWithCreateMakesTheDatabase() throws Exception {
    Path fresh = dir.resolve("fresh.db");
    Path csv = dir.resolve("note.csv");
    Files.writeString(csv, "id,body\n10,ok\n", StandardCharsets.UTF_8);
    // a new database has no tables yet: the import opens it, then finds no table to fill
    CliProcess load =
        cli("import", fresh.toString(), "--create", "--table", "note", csv.toString());
    assertThat(load.exit()).isEqualTo(1);
    assertThat(load.errors()).contains("42P01").doesNotContain("does not exist (--create");
    assertThat(fresh).isRegularFile();
  }

  private CliProcess cli(String... args) throws IOException, InterruptedException {
    return CliProcess.run(dir, args);
  }

  private Path emptyCopy(String name) throws SQLException {
    Path copy = dir.resolve(name);
    try (Connection c = DriverManager.getConnection("jdbc:pluresdb:" + copy);
        Statement s = c.createStatement()) {
      s.execute(NOTE);
    }
    return copy;
  }

  private static List<List<Object>> rows(Path db, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:pluresdb:" + db)) {
      return rows(c, sql);
    }
  }

  /** The rows of {@code sql}, with BLOBs as hex so that rows compare by value. */
  private static List<List<Object>> rows(Connection c, String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          Object v = rs.getObject(i);
          row.add(v instanceof byte[] b ? java.util.HexFormat.of().formatHex(b) : v);
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
