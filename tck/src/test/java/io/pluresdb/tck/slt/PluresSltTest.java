package io.pluresdb.tck.slt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scripts of {@link SltCorpus} through {@code jdbc:pluresdb:}, each in a fresh database file.
 * Every record passes or is named in the script's known-failure list (or is one where the corpus
 * disagrees with SQLite itself, which the driver must fail as SQLite does); a listed record that
 * passes fails the build so the list only shrinks. The actual failures of each run are written to
 * {@code target/slt/<script>.txt} in the list's format.
 */
class PluresSltTest {
  @TempDir Path dir;

  static Stream<String> scripts() {
    return SltCorpus.scripts();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  @Timeout(900)
  void everyRecordPassesOrIsAKnownFailure(String name) throws Exception {
    SltScript script = SltScript.load(name);
    SltOutcome outcome;
    Path file = dir.resolve(name.replace('/', '_') + ".db");
    try (Connection c = DriverManager.getConnection("jdbc:pluresdb:" + file)) {
      outcome = SltRunner.run(script, c);
    }
    System.out.println("[pluresdb] " + outcome.summary());
    KnownFailures.write(outcome, Paths.get("target", "slt", name.replace(".test", ".txt")));

    KnownFailures known = KnownFailures.load(name).and(KnownFailures.sqliteDisagrees(name));
    List<SltFailure> unlisted = known.unlisted(outcome);
    List<Integer> fixed = known.nowPassing(outcome);
    assertThat(unlisted)
        .as("%s: failures not in %s (%s)", name, KnownFailures.resourceFor(name), outcome.summary())
        .isEmpty();
    assertThat(fixed)
        .as(
            "%s: lines listed in %s that now pass; remove them from the list",
            name, KnownFailures.resourceFor(name))
        .isEmpty();
  }
}
