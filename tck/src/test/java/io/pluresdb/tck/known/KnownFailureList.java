package io.pluresdb.tck.known;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The entries of {@code jdbc/known-failures.txt}: {@code <TestClass>#<method> <reason>} per line,
 * {@code #} starts a comment. Keys use the test class's simple name.
 */
public record KnownFailureList(Map<String, String> entries) {
  public static final String RESOURCE = "jdbc/known-failures.txt";

  public KnownFailureList {
    entries = Map.copyOf(entries);
  }

  /** The list on the test classpath, read once. */
  public static KnownFailureList get() {
    return Holder.LIST;
  }

  public Optional<String> reason(String testClass, String method) {
    return Optional.ofNullable(entries.get(testClass + "#" + method));
  }

  static KnownFailureList read() {
    Map<String, String> entries = new TreeMap<>();
    try (InputStream in = KnownFailureList.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return new KnownFailureList(entries);
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
        if (!parts[0].contains("#") || parts.length < 2) {
          throw new IllegalArgumentException(
              RESOURCE
                  + ":"
                  + n
                  + ": expected '<TestClass>#<method> <reason>', got '"
                  + entry
                  + "'");
        }
        if (entries.put(parts[0], parts[1]) != null) {
          throw new IllegalArgumentException(RESOURCE + ":" + n + ": duplicate " + parts[0]);
        }
      }
      return new KnownFailureList(entries);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  private static final class Holder {
    static final KnownFailureList LIST = read();
  }
}
