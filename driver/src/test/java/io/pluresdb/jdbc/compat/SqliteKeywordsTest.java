package io.pluresdb.jdbc.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.impl.SqlParserImpl;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every word Calcite's grammar reserves that SQLite lets one use as a table and column name works
 * as one here too: walks Calcite's list of reserved words (its standard parser's metadata), runs
 * the same statements in raw SQLite and, where SQLite takes them, in PluresDB, and compares the
 * answers.
 */
@Timeout(300)
class SqliteKeywordsTest {
  /**
   * Words SQLite takes as names that are not (or not everywhere) names here, and why. The list may
   * only shrink: a word listed here that has become usable fails the test, so that it is taken off.
   */
  static final Map<String, String> NOT_NAMES_HERE =
      Map.ofEntries(
          join("CROSS"),
          join("FULL"),
          join("INNER"),
          join("LEFT"),
          join("NATURAL"),
          join("OUTER"),
          join("RIGHT"),
          join("ASOF"),
          join("LATERAL"),
          clause("FETCH"),
          clause("OFFSET"),
          clause("FOR"),
          clause("WINDOW"),
          clause("QUALIFY"),
          clause("TABLESAMPLE"),
          clause("MATCH_RECOGNIZE"),
          clause("EXTEND"),
          clause("MINUS"),
          statement("MERGE"),
          statement("EXPLAIN"),
          statement("UPSERT"),
          statement("DESCRIBE"),
          statement("RESET"),
          Map.entry("WITH", "starts a query where a name would start an expression"),
          Map.entry("PARTITION", "OVER (PARTITION BY …) would read it as a window's name"),
          Map.entry("STREAM", "SELECT STREAM is Calcite's streaming query"),
          Map.entry("TRUE", "a literal; SQLite too reads it as one unless a column has the name"),
          Map.entry("FALSE", "a literal; SQLite too reads it as one unless a column has the name"),
          Map.entry("UNKNOWN", "a literal of the IS [NOT] UNKNOWN test"),
          Map.entry("INTERVAL", "as a name it hides INTERVAL in the grammar's type arguments"),
          Map.entry("PERMUTE", "as a name it hides PERMUTE(…) in row pattern expressions"),
          constructor("ARRAY"),
          constructor("MULTISET"),
          constructor("PERIOD"),
          constructor("NEW"),
          Map.entry("RUNNING", "a prefix operator of MATCH_RECOGNIZE: running + 1 reads as it"),
          contextVariable("USER"),
          contextVariable("CURRENT_USER"),
          contextVariable("SESSION_USER"),
          contextVariable("SYSTEM_USER"),
          contextVariable("CURRENT_ROLE"),
          contextVariable("CURRENT_PATH"),
          contextVariable("CURRENT_CATALOG"),
          contextVariable("CURRENT_SCHEMA"),
          contextVariable("CURRENT_DEFAULT_TRANSFORM_GROUP"),
          contextVariable("LOCALTIME"),
          contextVariable("LOCALTIMESTAMP"));

  private static Map.Entry<String, String> join(String word) {
    return Map.entry(word, "after a table a name would read as its alias: t " + word + " JOIN u");
  }

  private static Map.Entry<String, String> clause(String word) {
    return Map.entry(word, "starts a clause after a table, where a name would read as an alias");
  }

  private static Map.Entry<String, String> statement(String word) {
    return Map.entry(word, "starts a statement, where a name would start an expression");
  }

  private static Map.Entry<String, String> contextVariable(String word) {
    return Map.entry(
        word, "a name in DDL, but in an expression the SQL context variable, not the column");
  }

  private static Map.Entry<String, String> constructor(String word) {
    return Map.entry(word, "the grammar tries its " + word + " constructor before any name");
  }

  private static List<String> statements(String w) {
    return List.of(
        "CREATE TABLE " + w + " (id INTEGER, " + w + " INTEGER)",
        "INSERT INTO " + w + " (id, " + w + ") VALUES (1, 2), (2, 1)",
        "UPDATE " + w + " SET " + w + " = " + w + " + 10 WHERE id = 2");
  }

  private static String query(String w) {
    return "SELECT " + w + ", " + w + ".id FROM " + w + " WHERE " + w + " > 1 ORDER BY " + w;
  }

  @Test
  void everyReservedWordSqliteTakesAsANameIsOneHereToo() throws SQLException {
    List<String> usable = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    try (Twin twin = Twin.open()) {
      for (String w : reservedWords()) {
        if (!sqliteTakes(twin, w)) {
          continue;
        }
        String failure = failure(twin, w);
        if (NOT_NAMES_HERE.containsKey(w)) {
          if (failure == null) {
            failures.add(w + " works as a name now: take it off NOT_NAMES_HERE");
          }
        } else if (failure != null) {
          failures.add(w + ": " + failure);
        } else {
          usable.add(w);
        }
      }
    }
    assertThat(failures).isEmpty();
    assertThat(usable).contains("LN", "ROW", "TRIM", "YEAR", "SIMILAR").hasSizeGreaterThan(200);
  }

  /** True when raw SQLite takes the word as a table and column name in every statement. */
  private static boolean sqliteTakes(Twin twin, String w) {
    try {
      for (String sql : statements(w)) {
        twin.sqliteExec(sql);
      }
      twin.sqlite(query(w));
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  /** Why PluresDB fails where SQLite did not, or null when it gives SQLite's answer. */
  private static @Nullable String failure(Twin twin, String w) {
    try {
      for (String sql : statements(w)) {
        twin.oursExec(sql);
      }
      Twin.Answer expected = twin.sqlite(query(w));
      Twin.Answer actual = twin.ours(query(w));
      return actual.rows().equals(expected.rows())
          ? null
          : "answered " + actual.rows() + ", SQLite " + expected.rows();
    } catch (SQLException e) {
      return e.getMessage();
    }
  }

  private static TreeSet<String> reservedWords() {
    SqlAbstractParserImpl.Metadata metadata =
        SqlParserImpl.FACTORY.getParser(new StringReader("")).getMetadata();
    TreeSet<String> words = new TreeSet<>();
    for (String token : metadata.getTokens()) {
      if (token.matches("[A-Z][A-Z0-9_]*") && metadata.isReservedWord(token)) {
        words.add(token);
      }
    }
    return words;
  }
}
