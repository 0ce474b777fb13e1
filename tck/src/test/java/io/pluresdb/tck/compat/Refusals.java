package io.pluresdb.tck.compat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The statements of one script that SQLite accepts and PluresDB does not yet accept or answer the
 * same way, read from {@code compat/known/<script>.txt}: one per line, the statement's line number
 * then the reason; {@code #} starts a comment. Checked both ways, so the list can only shrink.
 */
record Refusals(String script, Map<Integer, String> lines) {
  static String resourceFor(String script) {
    return "compat/known/" + script.replace(".sql", ".txt");
  }

  static Refusals load(String script) {
    Map<Integer, String> lines = new TreeMap<>();
    String resource = resourceFor(script);
    try (InputStream in = Refusals.class.getClassLoader().getResourceAsStream(resource)) {
      if (in != null) {
        for (String text : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
          String entry = text.strip();
          if (entry.isEmpty() || entry.startsWith("#")) {
            continue;
          }
          String[] parts = entry.split("\\s+", 2);
          lines.put(Integer.parseInt(parts[0]), parts.length > 1 ? parts[1] : "");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(resource, e);
    }
    return new Refusals(script, lines);
  }

  /** Problems of this run that the list does not name. */
  List<String> unlisted(Map<Integer, String> problems) {
    List<String> out = new ArrayList<>();
    problems.forEach(
        (line, why) -> {
          if (!lines.containsKey(line)) {
            out.add(script + ":" + line + " " + why);
          }
        });
    return out;
  }

  /** Listed lines that now pass: they must leave the list. */
  List<Integer> nowPassing(Map<Integer, String> problems) {
    return lines.keySet().stream().filter(l -> !problems.containsKey(l)).toList();
  }

  /** Writes this run's problems in the list's format, for updating the list by hand. */
  static void write(String script, Map<Integer, String> problems, Path file) throws IOException {
    Files.createDirectories(file.getParent());
    StringBuilder sb = new StringBuilder();
    problems.forEach((line, why) -> sb.append(line).append(' ').append(why).append('\n'));
    Files.writeString(file, sb.toString());
  }
}
