package io.pluresdb.tck.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Scripts in SQLite's dialect (under {@code compat/scripts}), run statement by statement on raw
 * SQLite and on PluresDB, each on a fresh in-memory database. A statement SQLite accepts must be
 * accepted by PluresDB with the same labels and rows; one SQLite refuses may be refused (with a
 * SQLState). Whatever does not hold yet is named in the script's list under {@code compat/known},
 * which the build checks both ways; each run writes its actual list to {@code target/compat}.
 */
class SqliteScriptTest {
  private static final Pattern ORDERED = Pattern.compile("(?is).*\\border\\s+by\\b[^)]*$");

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "functions.sql",
        "datetime.sql",
        "json.sql",
        "syntax.sql",
        "ddl.sql",
        "columns.sql",
        "keys.sql",
        "transactions.sql",
        "triggers.sql",
        "conflicts.sql",
        "temp.sql",
        "temp_writes.sql",
        "names.sql"
      })
  @Timeout(300)
  void everyStatementSqliteAcceptsGivesSqlitesAnswer(String name) throws Exception {
    try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite::memory:");
        Connection ours =
            DriverManager.getConnection("jdbc:pluresdb:mem:compat-" + System.nanoTime())) {
      sqlite.createStatement().execute("PRAGMA foreign_keys = ON");
      assertThat(check(name, "compat/scripts/" + name, sqlite, ours)).isEmpty();
    }
  }

  /**
   * The Chinook sample database (github.com/lerocha/chinook-database, its SQLite script as
   * published, under its licence in {@code compat/chinook}) loads unchanged, and the questions in
   * {@code queries.sql} get SQLite's answers.
   */
  @Test
  @Timeout(600)
  void chinookLoadsFromItsPublishedScriptAndAnswersLikeSqlite(@TempDir Path dir) throws Exception {
    try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite::memory:");
        Connection ours =
            DriverManager.getConnection("jdbc:pluresdb:" + dir.resolve("chinook.db"))) {
      sqlite.createStatement().execute("PRAGMA foreign_keys = ON");
      List<String> wrong = new ArrayList<>();
      wrong.addAll(check("Chinook_Sqlite.sql", "compat/chinook/Chinook_Sqlite.sql", sqlite, ours));
      wrong.addAll(check("chinook-queries.sql", "compat/chinook/queries.sql", sqlite, ours));
      assertThat(wrong).isEmpty();
    }
  }

  /**
   * Runs a script on both connections and returns what disagrees with the script's list: unlisted
   * differences, and listed lines that now pass.
   */
  private List<String> check(String name, String resource, Connection sqlite, Connection ours)
      throws Exception {
    String script;
    try (var in = getClass().getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Map<Integer, String> problems = new TreeMap<>();
    int statements = 0;
    for (ScriptSplitter.Statement st : ScriptSplitter.split(script)) {
      statements++;
      String problem =
          compare(st.sql(), Outcome.run(sqlite, st.sql()), Outcome.run(ours, st.sql()));
      if (problem != null) {
        problems.put(st.line(), problem);
      }
    }
    Refusals.write(name, problems, Paths.get("target", "compat", name.replace(".sql", ".txt")));
    Refusals known = Refusals.load(name);
    System.out.printf(
        java.util.Locale.ROOT,
        "[compat] %s: %d statements, %d differ from SQLite (%d listed)%n",
        name,
        statements,
        problems.size(),
        known.lines().size());
    List<String> wrong = new ArrayList<>();
    known
        .unlisted(problems)
        .forEach(p -> wrong.add("not in " + Refusals.resourceFor(name) + ": " + p));
    known
        .nowPassing(problems)
        .forEach(
            l ->
                wrong.add(
                    name + ":" + l + " passes now; remove it from " + Refusals.resourceFor(name)));
    return wrong;
  }

  /** Null when PluresDB did what SQLite did, else a one-line description of the difference. */
  static String compare(String sql, Outcome sqlite, Outcome ours) {
    if (ours.failed() && ours.error().getSQLState() == null) {
      return "error without SQLState: " + Outcome.describe(ours.error());
    }
    if (sqlite.failed()) {
      return null;
    }
    if (ours.failed()) {
      return "refused: " + Outcome.describe(ours.error());
    }
    String diff = ours.differenceFrom(sqlite, ORDERED.matcher(sql).matches());
    return diff == null ? null : "differs: " + diff.replace('\n', ' ');
  }
}
