package io.pluresdb.tck.differential;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.tck.differential.QueryGenerator.Query;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random queries in SQLite's dialect over random schemas and data, run on raw sqlite-jdbc and on
 * {@code jdbc:pluresdb:} after the same statements: every query must give SQLite's rows (in
 * SQLite's order when the query orders by every column), and no query SQLite accepts may be
 * refused. The seeds are fixed so that a failure reproduces; each seed's problems, with the SQL and
 * both answers, are written to {@code target/differential/seed-<n>.txt}.
 *
 * <p>A difference of a kind named in {@code differential/known.txt} is tolerated, and each named
 * kind must still occur, so that list only shrinks.
 */
class RandomQueryDifferentialTest {
  private static final long[] SEEDS = {1, 2, 3, 4, 5, 6};
  private static final int QUERIES_PER_SEED = 500;

  @TempDir Path dir;

  @Test
  @Timeout(900)
  void sameRowsAsSqlite() throws Exception {
    Map<String, String> known = known();
    Set<String> seen = new TreeSet<>();
    List<String> unexplained = new ArrayList<>();
    int compared = 0;
    for (long seed : SEEDS) {
      List<String> problems = new ArrayList<>();
      compared += run(seed, problems, seen);
      KnownProblems.write(problems, Paths.get("target", "differential", "seed-" + seed + ".txt"));
      problems.stream()
          .filter(p -> !known.containsKey(kind(p)))
          .map(p -> "seed " + seed + ": " + p)
          .forEach(unexplained::add);
    }
    System.out.println(
        "[differential] " + compared + " queries compared; kinds of difference: " + seen);
    assertThat(unexplained)
        .as("%d differences from SQLite in %d queries", unexplained.size(), compared)
        .isEmpty();
    assertThat(known.keySet())
        .as("kinds listed in differential/known.txt that no longer occur; remove them")
        .isSubsetOf(seen);
    assertThat(compared).isEqualTo(SEEDS.length * QUERIES_PER_SEED);
  }

  /** Runs one seed's schema and queries on both databases; returns how many were compared. */
  private int run(long seed, List<String> problems, Set<String> seen) throws SQLException {
    Random random = new Random(seed);
    RandomSchema schema = new RandomSchema(random);
    QueryGenerator generator = new QueryGenerator(random, schema);
    int compared = 0;
    try (Connection sqlite = open("jdbc:sqlite:", "raw-" + seed);
        Connection plures = open("jdbc:pluresdb:", "plures-" + seed)) {
      for (String statement : schema.statements) {
        execute(sqlite, statement);
        execute(plures, statement);
      }
      for (int i = 0; i < QUERIES_PER_SEED; i++) {
        Query query = generator.next();
        List<String> expected;
        try {
          expected = Rows.of(sqlite, query.sql());
        } catch (SQLException e) {
          problems.add("generator: SQLite refuses " + query.sql() + "\n  " + e.getMessage());
          continue;
        }
        compared++;
        String problem = compare(query, expected, plures);
        if (problem != null) {
          problems.add(problem);
          seen.add(kind(problem));
        }
      }
    }
    return compared;
  }

  private static String compare(Query query, List<String> expected, Connection plures) {
    List<String> actual;
    try {
      actual = Rows.of(plures, query.sql());
    } catch (SQLException | RuntimeException e) {
      return "refused: " + query.sql() + "\n  " + e;
    }
    if (!query.ordered()) {
      expected.sort(null);
      actual.sort(null);
    }
    if (expected.equals(actual)) {
      return null;
    }
    String kind = Rows.differOnlyInFloatPrecision(expected, actual) ? "real-precision" : "rows";
    return kind + ": " + query.sql() + "\n  sqlite:   " + expected + "\n  pluresdb: " + actual;
  }

  private static String kind(String problem) {
    return problem.substring(0, problem.indexOf(':'));
  }

  private Connection open(String scheme, String name) throws SQLException {
    return DriverManager.getConnection(scheme + dir.resolve(name + ".db"));
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static Map<String, String> known() throws IOException {
    Map<String, String> kinds = new TreeMap<>();
    try (InputStream in =
        RandomQueryDifferentialTest.class
            .getClassLoader()
            .getResourceAsStream("differential/known.txt")) {
      if (in == null) {
        return kinds;
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String entry = line.strip();
        if (!entry.isEmpty() && !entry.startsWith("#")) {
          String[] parts = entry.split("\\s+", 2);
          kinds.put(parts[0], parts.length > 1 ? parts[1] : "");
        }
      }
    }
    return kinds;
  }
}
