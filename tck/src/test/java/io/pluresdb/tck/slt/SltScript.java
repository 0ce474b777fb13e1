package io.pluresdb.tck.slt;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
 * <p>The library's parser keeps each record's line private, so the lines are recovered by {@link
 * SqliteConditions}, which also drops the records SQLite skips before the parser sees the text.
 * That is exact only when the parser kept every record; {@link #load} checks the counts agree and
 * refuses the script otherwise, so a silent misnumbering cannot happen.
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
      SqliteConditions kept = SqliteConditions.apply(readResource(resource));
      List<ISqlTestOperation> ops = parse(resource, kept.text);
      List<Integer> headerLines = kept.headerLines;
      if (headerLines.size() != ops.size()) {
        throw new IllegalStateException(
            "sqllogictest file '"
                + name
                + "' has "
                + headerLines.size()
                + " records but the parser kept "
                + ops.size()
                + "; lines cannot be matched");
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

  /**
   * Runs the library's parser over the filtered text. It reads only through the thread's context
   * class loader, so the text is offered there under the script's own name for the duration.
   */
  private static List<ISqlTestOperation> parse(String resource, List<String> text)
      throws IOException {
    byte[] bytes = String.join("\n", text).getBytes(StandardCharsets.UTF_8);
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(
        new ClassLoader(previous) {
          @Override
          public InputStream getResourceAsStream(String requested) {
            return requested.equals(resource)
                ? new ByteArrayInputStream(bytes)
                : super.getResourceAsStream(requested);
          }
        });
    try {
      SltTestFile parsed = new SltTestFile(resource);
      parsed.parse(new OptionsParser(false, System.out, System.err).getOptions());
      return parsed.fileContents;
    } finally {
      thread.setContextClassLoader(previous);
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
