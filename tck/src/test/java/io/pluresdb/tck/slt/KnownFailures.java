package io.pluresdb.tck.slt;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The records of one script that are known to fail, read from {@code
 * slt/known-failures/<script>.txt} on the test classpath: one record per line, its header line
 * number then the reason, {@code #} starts a comment. A missing file means none.
 *
 * <p>The list is checked both ways: a failure it does not name is a regression, and a record it
 * names that now passes must be removed, so the list can only shrink.
 */
record KnownFailures(String script, Map<Integer, String> lines) {
  KnownFailures {
    lines = Map.copyOf(lines);
  }

  static String resourceFor(String script) {
    return resourceFor("known-failures", script);
  }

  static String resourceFor(String folder, String script) {
    return "slt/" + folder + "/" + script.replace(".test", ".txt");
  }

  static KnownFailures load(String script) {
    return loadFrom("known-failures", script);
  }

  /**
   * The records where the corpus's expectation is not what SQLite itself answers, from {@code
   * slt/sqlite-disagrees/}: raw SQLite must fail exactly these, which keeps the list honest.
   */
  static KnownFailures sqliteDisagrees(String script) {
    return loadFrom("sqlite-disagrees", script);
  }

  /** This list and another together, for a script that has both. */
  KnownFailures and(KnownFailures other) {
    Map<Integer, String> all = new TreeMap<>(lines);
    all.putAll(other.lines);
    return new KnownFailures(script, all);
  }

  private static KnownFailures loadFrom(String folder, String script) {
    String resource = resourceFor(folder, script);
    Map<Integer, String> lines = new TreeMap<>();
    try (InputStream in = KnownFailures.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        return new KnownFailures(script, lines);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String text;
      int n = 0;
      while ((text = reader.readLine()) != null) {
        n++;
        String entry = text.strip();
        if (entry.isEmpty() || entry.startsWith("#")) {
          continue;
        }
        String[] parts = entry.split("\\s+", 2);
        try {
          lines.put(Integer.parseInt(parts[0]), parts.length > 1 ? parts[1] : "");
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              resource + ":" + n + ": expected '<line> <reason>', got '" + entry + "'", e);
        }
      }
      return new KnownFailures(script, lines);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** Failures of the outcome that this list does not name. */
  List<SltFailure> unlisted(SltOutcome outcome) {
    return outcome.failures().stream()
        .filter(f -> !lines.containsKey(f.line()))
        .collect(Collectors.toList());
  }

  /** Listed lines that did not fail in the outcome: fixed, so they must leave the list. */
  List<Integer> nowPassing(SltOutcome outcome) {
    var failed = outcome.failures().stream().map(SltFailure::line).collect(Collectors.toSet());
    return lines.keySet().stream()
        .filter(l -> !failed.contains(l))
        .sorted()
        .collect(Collectors.toList());
  }

  /** Writes the outcome's failures in this file format, ready to replace the list. */
  static void write(SltOutcome outcome, Path file) {
    String body =
        outcome.failures().stream()
            .map(f -> f.line() + " " + f.reason())
            .collect(Collectors.joining("\n", "# " + outcome.summary() + "\n", "\n"));
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, body, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
