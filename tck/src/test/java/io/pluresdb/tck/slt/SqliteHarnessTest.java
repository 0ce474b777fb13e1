package io.pluresdb.tck.slt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Guards the harness itself: SQLite produced the corpus, so raw sqlite-jdbc must pass every record.
 * A failure here is a bug in the harness, not in the driver under test.
 */
class SqliteHarnessTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "select1.test",
        "select2.test",
        "select3.test",
        "select4.test",
        "select5.test",
        "index/delete/10/slt_good_0.test"
      })
  @Timeout(120)
  void rawSqlitePassesEveryRecord(String name) throws Exception {
    SltOutcome outcome = runOnSqlite(name);
    System.out.println("[raw sqlite] " + outcome.summary());
    assertThat(outcome.failures()).isEmpty();
    assertThat(outcome.records()).isGreaterThan(700);
  }

  @Test
  @Timeout(120)
  void harnessReportsAWrongResultByItsLine() throws Exception {
    // Breaking the data must make the checker fail queries, or the harness proves nothing.
    SltScript script = SltScript.load("select1.test");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("broken.db"))) {
      c.createStatement()
          .execute("CREATE TABLE t1(a INTEGER, b INTEGER, c INTEGER, d INTEGER," + " e INTEGER)");
      try (Statement s = c.createStatement()) {
        // Every later INSERT adds to this row, so every aggregate over t1 is off.
        s.execute("INSERT INTO t1 VALUES (999, 999, 999, 999, 999)");
      }
      SltOutcome outcome = SltRunner.run(script, c);
      assertThat(outcome.failures()).isNotEmpty();
      // The first record is the CREATE TABLE, which now fails because t1 exists.
      assertThat(outcome.failures().get(0).line()).isEqualTo(1);
      assertThat(outcome.failures().get(0).reason()).contains("already exists");
      assertThat(outcome.failures())
          .extracting(SltFailure::reason)
          .anySatisfy(r -> assertThat(r).contains("Hash of data does not match"))
          .anySatisfy(r -> assertThat(r).startsWith("Expected"));
    }
  }

  private SltOutcome runOnSqlite(String name) throws Exception {
    SltScript script = SltScript.load(name);
    Path file = dir.resolve(name.replace('/', '_') + ".db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      // The same journal settings as the store under test, so per-statement commits stay cheap.
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=NORMAL");
      }
      return SltRunner.run(script, c);
    }
  }
}
