package io.pluresdb.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No main code constructs a SQLException without a SQLState: outside the one factory ({@code
 * crdt.error.Errors}), every {@code new SQL…Exception(} or {@code new BatchUpdateException(} passes
 * a state as its second argument (every such JDBC constructor takes the state there).
 */
class EverySqlExceptionHasAStateTest {
  private static final Pattern CONSTRUCTION =
      Pattern.compile("new\\s+(?:java\\.sql\\.)?(SQL\\w*Exception|BatchUpdateException)\\s*\\(");
  private static final String FACTORY = "io/pluresdb/crdt/error/Errors.java";

  @ParameterizedTest
  @ValueSource(strings = {"crdt", "vector", "sync", "sql", "engine", "driver"})
  void everyConstructionOutsideTheFactoryPassesAState(String module) throws IOException {
    Path sources = Path.of("..", module, "src", "main", "java");
    List<String> stateless = new ArrayList<>();
    try (Stream<Path> files = Files.walk(sources)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String rel = sources.relativize(p).toString().replace('\\', '/');
        if (!rel.equals(FACTORY)) {
          stateless.addAll(statelessConstructions(rel, read(p)));
        }
      }
    }
    assertThat(stateless).as("SQLExceptions constructed without a SQLState").isEmpty();
  }

  @Test
  void theScanFindsAConstructionWithoutAState() {
    assertThat(statelessConstructions("A.java", "throw new SQLException(\"boom\", e);")).hasSize(1);
    assertThat(statelessConstructions("A.java", "throw new SQLDataException(m);")).hasSize(1);
    assertThat(statelessConstructions("A.java", "new SQLException(m, SqlState.X.code(), e)"))
        .isEmpty();
    assertThat(statelessConstructions("A.java", "new BatchUpdateException(m, e.getSQLState())"))
        .isEmpty();
  }

  /** The constructions in {@code source} whose second argument does not name a state. */
  static List<String> statelessConstructions(String file, String source) {
    List<String> found = new ArrayList<>();
    Matcher m = CONSTRUCTION.matcher(source);
    while (m.find()) {
      List<String> args = arguments(source, m.end());
      boolean hasState = args.size() >= 2 && args.get(1).toLowerCase(Locale.ROOT).contains("state");
      if (!hasState) {
        int line = (int) source.substring(0, m.start()).chars().filter(c -> c == '\n').count();
        found.add(file + ":" + (line + 1) + " new " + m.group(1) + args);
      }
    }
    return found;
  }

  /** The top-level arguments of the call whose '(' ends just before {@code from}. */
  private static List<String> arguments(String s, int from) {
    List<String> args = new ArrayList<>();
    int depth = 0;
    StringBuilder arg = new StringBuilder();
    for (int i = from; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '"') { // a string literal: skip to its end
        int end = i + 1;
        while (end < s.length() && s.charAt(end) != '"') {
          end += s.charAt(end) == '\\' ? 2 : 1;
        }
        arg.append(s, i, Math.min(end + 1, s.length()));
        i = end;
        continue;
      }
      if (depth == 0 && (ch == ',' || ch == ')')) {
        args.add(arg.toString().strip());
        arg.setLength(0);
        if (ch == ')') {
          break;
        }
        continue;
      }
      depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
      arg.append(ch);
    }
    return args;
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
