package io.pluresdb.driver.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pluresdb.jdbc.PluresDriver;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import sqlline.SqlLine;

/**
 * The shell completes table and column names it learned from the driver's metadata on connect, and
 * learns them again at the next prompt after DDL, its own or another connection's. sqlline keeps
 * its completer package-private, so the test reaches the connection's completer by reflection and
 * asks it for candidates as jline would at a TAB.
 */
@Timeout(180)
class ShellCompletionTest {
  @TempDir Path dir;
  SqlLine sqlline;
  PipedOutputStream input;
  CompletableFuture<SqlLine.Status> shell;

  @BeforeEach
  void connect() throws Exception {
    System.setProperty("org.jline.terminal.dumb", "true");
    PluresDriver.register();
    String url = "jdbc:pluresdb:" + dir.resolve("shop.db");
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE customer (id BIGINT PRIMARY KEY, email VARCHAR(100))");
      s.execute("CREATE TABLE customer_note (id BIGINT PRIMARY KEY, body VARCHAR(100))");
    }
    sqlline = new SqlLine();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    sqlline.setOutputStream(out);
    sqlline.setErrorStream(out);
    // the shell reads commands from a pipe the test writes to, as from a user at a prompt
    input = new PipedOutputStream();
    PipedInputStream commands = new PipedInputStream(input);
    String[] args = ShellArgs.of(url, null, dir, false).toArray(new String[0]);
    shell =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return sqlline.begin(args, commands, false);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    // sqlline builds the completer when a first command uses the connection
    input.write("!tables\n".getBytes(StandardCharsets.UTF_8));
    input.flush();
    await().atMost(Duration.ofSeconds(60)).until(() -> completer() != null);
  }

  @AfterEach
  void close() throws Exception {
    input.write("!quit\n".getBytes(StandardCharsets.UTF_8));
    input.close();
    shell.get(60, TimeUnit.SECONDS);
  }

  /** The current connection's SQL completer, or null before there is one. */
  private Completer completer() throws Exception {
    Method connection = SqlLine.class.getDeclaredMethod("getDatabaseConnection");
    connection.setAccessible(true);
    Object db = connection.invoke(sqlline);
    if (db == null) {
      return null;
    }
    Method completer = db.getClass().getDeclaredMethod("getSqlCompleter");
    completer.setAccessible(true);
    return (Completer) completer.invoke(db);
  }

  private List<String> complete(String line) throws Exception {
    try (Terminal terminal =
        TerminalBuilder.builder()
            .dumb(true)
            .streams(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream())
            .build()) {
      LineReader reader = LineReaderBuilder.builder().terminal(terminal).build();
      List<Candidate> candidates = new ArrayList<>();
      completer()
          .complete(
              reader,
              new DefaultParser().parse(line, line.length(), Parser.ParseContext.COMPLETE),
              candidates);
      return candidates.stream().map(Candidate::value).toList();
    }
  }

  @Test
  void tableNamesAndQualifiedColumnNamesComplete() throws Exception {
    assertThat(complete("SELECT * FROM cust")).contains("customer", "customer_note");
    assertThat(complete("SELECT customer.em")).contains("customer.id", "customer.email");
    assertThat(complete("SELECT customer_note.")).contains("customer_note.body");
  }

  @Test
  void tablesAndColumnsChangedInTheSessionCompleteWithoutRehash() throws Exception {
    send("CREATE TABLE invoice (id BIGINT PRIMARY KEY, total DECIMAL(10,2));");
    awaitCompletion("SELECT * FROM inv", names -> names.contains("invoice"));
    assertThat(complete("SELECT invoice.to")).contains("invoice.total");

    send("ALTER TABLE customer ADD COLUMN phone VARCHAR(20);");
    awaitCompletion("SELECT customer.ph", names -> names.contains("customer.phone"));

    send("ALTER TABLE customer_note RENAME TO remark;");
    awaitCompletion("SELECT * FROM rem", names -> names.contains("remark"));
    assertThat(complete("SELECT * FROM cust")).contains("customer").doesNotContain("customer_note");

    send("DROP TABLE invoice;");
    awaitCompletion("SELECT * FROM inv", names -> !names.contains("invoice"));
  }

  @Test
  void tablesCreatedOnAnotherConnectionCompleteAtTheNextPrompt() throws Exception {
    try (Connection other = DriverManager.getConnection("jdbc:pluresdb:" + dir.resolve("shop.db"));
        Statement s = other.createStatement()) {
      s.execute("CREATE TABLE supplier (id BIGINT PRIMARY KEY, name VARCHAR(50))");
    }
    send(""); // the user presses Enter: a new prompt
    awaitCompletion("SELECT * FROM sup", names -> names.contains("supplier"));
    assertThat(complete("SELECT supplier.na")).contains("supplier.name");
  }

  @Test
  void exportAndImportCommandsMoveRowsThroughAFile() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:pluresdb:" + dir.resolve("shop.db"));
        Statement s = c.createStatement()) {
      s.execute("INSERT INTO customer VALUES (1, 'a@example.com'), (2, NULL)");
      Path file = dir.resolve("customer.csv");
      send("!export customer " + file);
      await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(file) && lines(file) == 3);
      assertThat(Files.readString(file, StandardCharsets.UTF_8))
          .isEqualTo("\"id\",\"email\"\r\n1,\"a@example.com\"\r\n2,\r\n");
      s.execute("CREATE TABLE customer_copy (id BIGINT PRIMARY KEY, email VARCHAR(100))");
      send("!import " + file + " customer_copy");
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> count(s, "SELECT COUNT(*) FROM customer_copy WHERE email IS NULL") == 1);
      assertThat(count(s, "SELECT COUNT(*) FROM customer_copy")).isEqualTo(2);
    }
  }

  private static long lines(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8).lines().count();
  }

  private static long count(Statement s, String sql) throws Exception {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private void send(String line) throws IOException {
    input.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    input.flush();
  }

  /**
   * Waits (the shell runs on its own thread) until completing {@code line} satisfies {@code ok}.
   */
  private void awaitCompletion(String line, Predicate<List<String>> ok) {
    await().atMost(Duration.ofSeconds(60)).until(() -> ok.test(complete(line)));
  }

  @Test
  void historyLivesUnderTheUsersHome() {
    assertThat(ShellArgs.of("jdbc:pluresdb:x.db", null, dir, true))
        .contains("--historyFile=" + dir.resolve(".pluresdb/history"))
        .contains("--fastConnect=false", "--outputformat=table")
        .contains("-ac", ShellApplication.class.getName())
        .noneMatch(a -> a.startsWith("--maxWidth"));
  }
}
