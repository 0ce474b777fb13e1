package io.pluresdb.tck.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second OS process opening a database file that the first holds gets a working connection: its
 * writes go through the owning process, and it reads what the owner committed.
 */
class SecondProcessTest {
  @TempDir Path dir;

  /** Exit status and the combined output of a finished child JVM. */
  record Child(int exit, String output) {}

  @Test
  @Timeout(300)
  void secondProcessWritesThroughTheFirstWhileTheFirstHoldsTheFile() throws Exception {
    String url = Db.fileUrl(dir, "shared");
    try (Connection first = Db.open(url)) {
      Db.exec(
          first,
          "CREATE TABLE t (id INTEGER PRIMARY KEY, who VARCHAR(10))",
          "INSERT INTO t VALUES (1, 'parent')");
      Child child = runChild(url, 2);
      assertThat(child.exit()).as("child output: %s", child.output()).isZero();
      assertThat(child.output())
          .as("the child reads its own row and the parent's")
          .contains("OK 2");
      assertThat(Db.count(first, "t")).as("the child's row is visible").isEqualTo(2);
      Child duplicate = runChild(url, 2);
      assertThat(duplicate.exit()).as("child output: %s", duplicate.output()).isEqualTo(2);
      assertThat(duplicate.output())
          .as("the owner's error, with its SQLState")
          .containsPattern("SQLSTATE 23505 \\S+");
      Db.exec(first, "INSERT INTO t VALUES (3, 'parent')");
    }
    try (Connection again = Db.open(url)) {
      assertThat(Db.scalar(again, "SELECT who FROM t WHERE id = 1")).isEqualTo("parent");
      assertThat(Db.scalar(again, "SELECT who FROM t WHERE id = 3")).isEqualTo("parent");
    }
  }

  @Test
  @Timeout(300)
  void secondProcessOpensTheFileOnceTheFirstHasClosedIt() throws Exception {
    String url = Db.fileUrl(dir, "handover");
    try (Connection first = Db.open(url)) {
      Db.exec(
          first,
          "CREATE TABLE t (id INTEGER PRIMARY KEY, who VARCHAR(10))",
          "INSERT INTO t VALUES (1, 'parent')");
    }
    Child child = runChild(url, 2);
    assertThat(child.exit()).as("child output: %s", child.output()).isZero();
    assertThat(child.output()).contains("OK 2");
    try (Connection again = Db.open(url)) {
      assertThat(Db.scalar(again, "SELECT who FROM t WHERE id = 2")).isEqualTo("child");
    }
  }

  @Test
  @Timeout(300)
  void childProcessHarnessRunsAgainstRawSqlite() throws Exception {
    // Guards the harness: the child JVM gets the test classpath and reports through its exit.
    String url = "jdbc:sqlite:" + dir.resolve("raw.db");
    try (Connection c = java.sql.DriverManager.getConnection(url)) {
      Db.exec(c, "CREATE TABLE t (id INTEGER PRIMARY KEY, who VARCHAR(10))");
    }
    Child ok = runChild(url, 2);
    assertThat(ok.exit()).as("child output: %s", ok.output()).isZero();
    assertThat(ok.output()).contains("OK 1");
    Child duplicate = runChild(url, 2);
    assertThat(duplicate.exit()).isEqualTo(2);
    assertThat(duplicate.output()).containsPattern("SQLSTATE \\S+ \\S+");
  }

  private Child runChild(String url, int id) throws IOException, InterruptedException {
    Path log = dir.resolve("child-" + id + ".log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                List.of(
                    java,
                    "-cp",
                    System.getProperty("java.class.path"),
                    SecondProcessMain.class.getName(),
                    url,
                    Integer.toString(id)))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!p.waitFor(240, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(
          "second process did not finish in 240 s: "
              + Files.readString(log, StandardCharsets.UTF_8));
    }
    return new Child(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }
}
