package io.pluresdb.tck.slt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.hydromatic.sqllogictest.ISqlTestOperation;
import net.hydromatic.sqllogictest.OptionsParser;
import net.hydromatic.sqllogictest.SltTestFile;

/**
 * One sqllogictest script of the bundled corpus, parsed by the corpus library's own parser, with
 * the source line of every record so that failures can be named by line.
 *
 * <p>The library's parser keeps each record's line private, so the lines are recovered here by
 * scanning the same text for record headers ({@code statement …} / {@code query …}). That is exact
 * only when the parser kept every record; {@link #load} checks the counts agree and refuses the
 * script otherwise, so a silent misnumbering cannot happen.
 */
final class SltScript {
  private final String name;
  private final List<ISqlTestOperation> operations;
  private final Map<ISqlTestOperation, Integer> lines;

  private SltScript(
      String name, List<ISqlTestOperation> operations, Map<ISqlTestOperation, Integer> lines) {
    this.name = name;
    this.operations = operations;
    this.lines = lines;
  }

  /** Parses {@code test/<name>} from the corpus jar on the classpath. */
  static SltScript load(String name) {
    String resource = "test/" + name;
    try {
      List<String> text = readResource(resource);
      SltTestFile parsed = new SltTestFile(resource);
      parsed.parse(new OptionsParser(false, System.out, System.err).getOptions());
      List<Integer> headerLines = recordHeaderLines(text);
      List<ISqlTestOperation> ops = parsed.fileContents;
      if (headerLines.size() != ops.size()) {
        throw new IllegalStateException(
            "sqllogictest file '"
                + name
                + "' has "
                + headerLines.size()
                + " records but the parser kept "
                + ops.size()
                + " (conditional records?); lines cannot be matched");
      }
      Map<ISqlTestOperation, Integer> lines = new IdentityHashMap<>();
      for (int i = 0; i < ops.size(); i++) {
        lines.put(ops.get(i), headerLines.get(i));
      }
      return new SltScript(name, List.copyOf(ops), lines);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read sqllogictest file '" + name + "'", e);
    }
  }

  private static List<String> readResource(String resource) throws IOException {
    try (InputStream in = SltScript.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException(
            "sqllogictest file '"
                + resource
                + "' is not on the classpath (net.hydromatic:sql-logic-test)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .collect(Collectors.toList());
    }
  }

  private static List<Integer> recordHeaderLines(List<String> text) {
    List<Integer> result = new ArrayList<>();
    boolean atRecordStart = true;
    for (int i = 0; i < text.size(); i++) {
      String line = text.get(i).trim();
      if (line.isEmpty()) {
        atRecordStart = true;
        continue;
      }
      if (atRecordStart && (line.startsWith("statement") || line.startsWith("query"))) {
        result.add(i + 1);
      }
      if (!line.startsWith("#")) {
        atRecordStart = false;
      }
    }
    return result;
  }

  String name() {
    return name;
  }

  List<ISqlTestOperation> operations() {
    return operations;
  }

  /** The 1-based line of the record's header in the script. */
  int lineOf(ISqlTestOperation operation) {
    Integer line = lines.get(operation);
    if (line == null) {
      throw new IllegalArgumentException("operation is not part of " + name);
    }
    return line;
  }
}
