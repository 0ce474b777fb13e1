package io.pluresdb.driver.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pluresdb.driver.it.RawPeer;
import io.pluresdb.jdbc.PluresConnection;
import io.pluresdb.store.postgres.TestPostgres;
import io.pluresdb.sync.protocol.Message;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The self-contained jar, run as a user runs it: {@code java -jar pluresdb.jar ...}. */
@Timeout(300)
class PluresJarIT {
  @TempDir Path dir;

  record Run(int exit, String out) {}

  private Run java(String... args) throws IOException, InterruptedException {
    return java(List.of(), Path.of("/dev/null"), args);
  }

  /** Runs the jar with JVM options, standard input read from {@code input}, and arguments. */
  private Run java(List<String> jvmOptions, Path input, String... args)
      throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty("pluresdb.jar", "target/pluresdb.jar")).toAbsolutePath();
    assertThat(jar).exists();
    List<String> command =
        new ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString()));
    command.addAll(List.of(args));
    Path log = dir.resolve("out.txt");
    Process p =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(input.toFile()))
            .start();
    if (!p.waitFor(240, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("java -jar did not finish: " + Files.readString(log));
    }
    return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  @Test
  void theJarShipsTheHibernateDialectButNotHibernate() throws Exception {
    Path jar = Path.of(System.getProperty("pluresdb.jar", "target/pluresdb.jar"));
    try (JarFile j = new JarFile(jar.toFile())) {
      assertThat(j.getEntry("io/pluresdb/hibernate/PluresDialect.class")).isNotNull();
      assertThat(
              j.getEntry("META-INF/services/org.hibernate.engine.jdbc.dialect.spi.DialectResolver"))
          .isNotNull();
      assertThat(j.stream().map(JarEntry::getName))
          .noneMatch(n -> n.startsWith("org/hibernate/") || n.startsWith("jakarta/persistence/"));
    }
  }

  @Test
  void theJarRegistersOnlyTheDriversItServes() throws Exception {
    Path jar = Path.of(System.getProperty("pluresdb.jar", "target/pluresdb.jar"));
    try (JarFile j = new JarFile(jar.toFile())) {
      String drivers =
          new String(
              j.getInputStream(j.getEntry("META-INF/services/java.sql.Driver")).readAllBytes(),
              StandardCharsets.UTF_8);
      assertThat(drivers.lines().map(String::trim).filter(l -> !l.isEmpty()))
          .containsExactlyInAnyOrder("io.pluresdb.jdbc.PluresDriver", "org.sqlite.JDBC");
    }
  }

  @Test
  void serveKeepsTheHubsStoreInPostgresql() throws Exception {
    String store = TestPostgres.freshDatabase();
    Path jar = Path.of(System.getProperty("pluresdb.jar", "target/pluresdb.jar")).toAbsolutePath();
    try (HubProcess hub = HubProcess.startJar(dir, jar, "--store", store)) {
      await().atMost(Duration.ofSeconds(120)).until(() -> hub.output().contains("store " + store));
      String pg = "jdbc:postgresql://" + store.substring(store.indexOf('@') + 1);
      try (Connection c = DriverManager.getConnection(pg, "postgres", "");
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT value FROM pl_meta WHERE key = 'database_id'")) {
        assertThat(rs.next()).isTrue();
        assertThat(hub.output()).contains("database " + rs.getString(1));
      }
    }
  }

  @Test
  void versionPrintsTheProductVersion() throws Exception {
    Run r = java("version");
    assertThat(r.exit()).as(r.out()).isZero();
    assertThat(r.out()).startsWith("PluresDB " + System.getProperty("pluresdb.version", "0."));
  }

  @Test
  void helpListsTheCommands() throws Exception {
    Run r = java("--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("shell")
        .contains("version")
        .contains("serve")
        .contains("status")
        .contains("demo");
  }

  @Test
  void demoReplicatesALiveQueryAndANotificationBetweenTwoClientsThroughAHub() throws Exception {
    Run r = java("demo");
    assertThat(r.exit()).as(r.out()).isZero();
    assertThat(r.out())
        .as(r.out())
        .containsPattern("hub\\s+listening on ws://127\\.0\\.0\\.1:\\d+")
        .containsPattern("b\\s+sees table album")
        .containsPattern("b live\\s+INSERT \\[1, Kid A, 2000\\]")
        .containsPattern("b live\\s+INSERT \\[3, In Rainbows, 2007\\]")
        .containsPattern("b live\\s+INSERT \\[2, OK Computer, 2001\\]")
        .containsPattern("b live\\s+DELETE \\[1, Kid A, 2000\\]")
        .contains("notification on album_events: catalogue updated")
        .contains("all three nodes hold identical tables");
  }

  @Test
  void everyCommandAnswersHelp() throws Exception {
    Run r = java("shell", "--help");
    assertThat(r.exit()).as(r.out()).isZero();
    assertThat(r.out()).contains("Usage: pluresdb shell").contains("--run");
  }

  @Test
  void shellRunsAScriptAgainstAFreshDatabaseInANewJvm() throws Exception {
    Path script = dir.resolve("story.sql");
    Files.writeString(
        script,
        String.join(
            "\n",
            "CREATE TABLE artist (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL);",
            "CREATE TABLE album (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL, year INTEGER,"
                + " released DATE, artist_id BIGINT);",
            "INSERT INTO artist VALUES (1, 'Radiohead'), (2, 'Bjork');",
            "INSERT INTO album VALUES (10, 'Kid A', 2000, DATE '2000-10-02', 1),"
                + " (11, 'Amnesiac', 2001, NULL, 1), (13, 'Vespertine', 2001, NULL, 2),"
                + " (12, 'In Rainbows', 2007, NULL, 1);",
            "SELECT r.name, COUNT(*) AS albums FROM album a JOIN artist r ON a.artist_id = r.id"
                + " WHERE a.year > 2000 GROUP BY r.name ORDER BY 2 DESC LIMIT 10;",
            ""));
    Run r = java("shell", "jdbc:pluresdb:" + dir.resolve("story.db"), "--run=" + script);
    assertThat(r.exit()).as(r.out()).isZero();
    assertThat(r.out()).doesNotContain("Error:");
    assertThat(r.out())
        .containsPattern("Radiohead\\s*\\|\\s*2")
        .containsPattern("Bjork\\s*\\|\\s*1");
    assertThat(dir.resolve("story.db")).exists();

    Run again =
        java(
            "shell",
            "jdbc:pluresdb:" + dir.resolve("story.db"),
            "--run="
                + Files.writeString(dir.resolve("count.sql"), "SELECT COUNT(*) FROM album;\n"));
    assertThat(again.out()).as(again.out()).containsPattern("\\|\\s*4\\s*\\|");
  }

  @Test
  void aFailingScriptEndsWithAnErrorStatus() throws Exception {
    Path script = Files.writeString(dir.resolve("bad.sql"), "SELECT * FROM missing;\n");
    Run r = java("shell", "jdbc:pluresdb:" + dir.resolve("bad.db"), "--run=" + script);
    assertThat(r.out()).contains("missing").contains("42P01");
    assertThat(r.exit()).isNotZero();
  }

  @Test
  void shellWithoutUrlUsesADatabaseInTheCurrentDirectory() throws Exception {
    Path script = Files.writeString(dir.resolve("t.sql"), "SELECT 1 + 1;\n");
    Run r = java("shell", "--run=" + script);
    assertThat(r.exit()).as(r.out()).isZero();
    assertThat(dir.resolve("pluresdb.db")).exists();
  }

  @Test
  void shellListsAndDescribesTablesThroughTheMetadata() throws Exception {
    Path script =
        Files.writeString(
            dir.resolve("meta.sql"),
            String.join(
                "\n",
                "CREATE TABLE artist (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL);",
                "CREATE TABLE album (id BIGINT PRIMARY KEY, title VARCHAR(100) NOT NULL,"
                    + " year INTEGER, artist_id BIGINT REFERENCES artist (id));",
                "CREATE VIEW titles AS SELECT title FROM album;",
                "INSERT INTO artist VALUES (1, 'Nina Simone');",
                "!tables",
                "!describe album",
                "!columns artist",
                "!importedkeys album",
                "SELECT id, name, NULL AS missing FROM artist;",
                ""));
    Run r = java("shell", "jdbc:pluresdb:" + dir.resolve("meta.db"), "--run=" + script);
    assertThat(r.exit()).as(r.out()).isZero();
    assertThat(r.out())
        .as("!tables")
        .containsPattern("\\|\\s*main\\s*\\|\\s*album\\s*\\|\\s*TABLE\\s*\\|")
        .containsPattern("\\|\\s*main\\s*\\|\\s*artist\\s*\\|\\s*TABLE\\s*\\|")
        .containsPattern("\\|\\s*main\\s*\\|\\s*titles\\s*\\|\\s*VIEW\\s*\\|");
    assertThat(r.out())
        .as("!describe album")
        .containsPattern(
            "\\|\\s*album\\s*\\|\\s*title\\s*\\|\\s*12\\s*\\|\\s*VARCHAR\\s*\\|\\s*100\\s*\\|")
        .containsPattern("\\|\\s*album\\s*\\|\\s*year\\s*\\|\\s*4\\s*\\|\\s*INTEGER\\s*\\|");
    assertThat(r.out())
        .as("!columns artist")
        .containsPattern("\\|\\s*artist\\s*\\|\\s*name\\s*\\|\\s*12\\s*\\|\\s*VARCHAR\\s*\\|");
    assertThat(r.out())
        .as("!importedkeys album")
        .containsPattern(
            "\\|\\s*artist\\s*\\|\\s*id\\s*\\|.*\\|\\s*album\\s*\\|\\s*artist_id\\s*\\|");
    assertThat(r.out())
        .as("a readable table, NULL shown as NULL")
        .containsPattern("\\|\\s*1\\s*\\|\\s*Nina Simone\\s*\\|\\s*NULL\\s*\\|");
  }

  @Test
  void interactiveShellKeepsItsHistoryUnderTheUsersHome() throws Exception {
    Path home = Files.createDirectories(dir.resolve("home"));
    Path typed =
        Files.writeString(
            dir.resolve("typed.txt"),
            "CREATE TABLE note (id BIGINT PRIMARY KEY, body VARCHAR(20));\n"
                + "SELECT COUNT(*) FROM note;\n"
                + "!quit\n");
    Run r =
        java(
            List.of("-Duser.home=" + home),
            typed,
            "shell",
            "jdbc:pluresdb:" + dir.resolve("notes.db"));
    assertThat(r.exit()).as(r.out()).isZero();
    Path history = home.resolve(".pluresdb/history");
    assertThat(history).exists();
    assertThat(Files.readString(history))
        .contains("CREATE TABLE note")
        .contains("SELECT COUNT(*) FROM note;");
  }

  @Test
  void serveRunsAHubThatTwoClientsReplicateThrough() throws Exception {
    Path log = dir.resolve("serve.txt");
    Process hub =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                Path.of(System.getProperty("pluresdb.jar", "target/pluresdb.jar"))
                    .toAbsolutePath()
                    .toString(),
                "serve",
                "--db",
                dir.resolve("hub.db").toString(),
                "--port",
                "0",
                "--token",
                "s3cret")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      Pattern listening = Pattern.compile("listening on (ws://127\\.0\\.0\\.1:\\d+)");
      String[] url = new String[1];
      await()
          .atMost(Duration.ofSeconds(120))
          .until(
              () -> {
                Matcher m = listening.matcher(Files.readString(log));
                if (m.find()) {
                  url[0] = m.group(1);
                }
                return url[0] != null || !hub.isAlive();
              });
      assertThat(url[0]).as(Files.readString(log)).isNotNull();
      String query = "?peers=" + url[0] + "&token=s3cret";
      try (Connection a =
              DriverManager.getConnection("jdbc:pluresdb:" + dir.resolve("a.db") + query);
          Connection b =
              DriverManager.getConnection("jdbc:pluresdb:" + dir.resolve("b.db") + query)) {
        a.createStatement().execute("CREATE TABLE note (id BIGINT PRIMARY KEY, text VARCHAR(40))");
        a.createStatement().execute("INSERT INTO note VALUES (1, 'written on a')");
        await().atMost(Duration.ofSeconds(120)).until(() -> text(b).equals("written on a"));

        Run status = java("status", url[0], "--token", "s3cret");
        assertThat(status.exit()).as(status.out()).isZero();
        assertThat(status.out()).contains("SERVER").contains("LIVE");
        Run refused = java("status", url[0], "--token", "wrong");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.out()).contains("401");
      }
      await()
          .atMost(Duration.ofSeconds(120))
          .until(
              () -> Files.readString(log).contains("transactions received: 2, peers behind by: 0"));
    } finally {
      hub.destroy(); // SIGTERM: the hub closes its database and exits
      assertThat(hub.waitFor(120, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(Files.readString(log)).contains("closed cleanly");
  }

  @Test
  void statusExitsThreeWhileTransactionsAreParkedAndSaysWhy() throws Exception {
    Run help = java("status", "--help");
    assertThat(help.out()).contains("Exit codes:").contains("3   transactions are parked");
    long t0 = System.currentTimeMillis();
    try (Connection hub =
        DriverManager.getConnection(
            "jdbc:pluresdb:" + dir.resolve("hub.db") + "?listen=127.0.0.1:0&token=s3cret")) {
      hub.createStatement().execute("CREATE TABLE note (id BIGINT PRIMARY KEY, v VARCHAR(40))");
      PluresConnection pc = hub.unwrap(PluresConnection.class);
      String url = "ws://127.0.0.1:" + pc.listenPort();
      try (RawPeer peer =
          RawPeer.connect(pc.listenPort(), "s3cret", "0000000000ee", pc.databaseId())) {
        // the second transaction of node ee, whose first never comes
        peer.send(new Message.Batch(1, List.of(RawPeer.chained(0xee, t0, 1, "note", 2).record())));
        assertThat(peer.next(Message.Ack.class)).isEqualTo(new Message.Ack(1));

        Run parked = java("status", url, "--token", "s3cret");
        assertThat(parked.exit()).as(parked.out()).isEqualTo(3);
        assertThat(parked.out())
            .as(parked.out())
            .contains("PARKED")
            .contains("parked from node 0000000000ee: 1, the oldest since ")
            .contains("1 transaction(s) parked: the oldest, ")
            .contains(
                "waits for transaction "
                    + RawPeer.chained(0xee, t0, 0, "note", 1).tx().id()
                    + " of node 0000000000ee");

        peer.send(new Message.Batch(2, List.of(RawPeer.chained(0xee, t0, 0, "note", 1).record())));
        assertThat(peer.next(Message.Ack.class)).isEqualTo(new Message.Ack(2));
        Run applied = java("status", url, "--token", "s3cret");
        assertThat(applied.exit()).as(applied.out()).isZero();
      }
    }
  }

  private static String text(Connection c) {
    try (ResultSet rs = c.createStatement().executeQuery("SELECT text FROM note WHERE id = 1")) {
      return rs.next() ? rs.getString(1) : "";
    } catch (SQLException e) {
      return ""; // the table has not arrived yet
    }
  }
}
