package io.pluresdb.tck.slt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Guards the harness itself: SQLite produced the corpus, so raw sqlite-jdbc must pass every record
 * (but the few where the corpus disagrees with SQLite, listed under {@code slt/sqlite-disagrees}).
 * A failure here is a bug in the harness, not in the driver under test.
 */
class SqliteHarnessTest {
  @TempDir Path dir;

  static Stream<String> scripts() {
    return SltCorpus.scripts();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  @Timeout(300)
  void rawSqlitePassesEveryRecord(String name) throws Exception {
    SltOutcome outcome = runOnSqlite(name);
    System.out.println("[raw sqlite] " + outcome.summary());
    // Only the records where the corpus itself disagrees with SQLite may fail, and they must.
    KnownFailures disagrees = KnownFailures.sqliteDisagrees(name);
    assertThat(disagrees.unlisted(outcome)).isEmpty();
    assertThat(disagrees.nowPassing(outcome)).isEmpty();
    assertThat(outcome.records()).isGreaterThan(5);
  }

  @Test
  @Timeout(120)
  void conditionsAreReadAsSqliteReadsThem() {
    // in1.test runs "onlyif sqlite" records and stops at no "onlyif mssql/oracle halt";
    // slt_lang_aggfunc.test does not stop at its "skipif sqlite halt".
    SltScript in1 = SltScript.load("evidence/in1.test");
    assertThat(in1.operations()).hasSize(214);
    assertThat(in1.lineOf(in1.operations().get(0))).isEqualTo(23);
    assertThat(SltScript.load("evidence/slt_lang_aggfunc.test").operations()).hasSize(80);
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
