package io.pluresdb.tck.differential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a run's problems, one blank-line-separated entry each, for reading after a failure. */
final class KnownProblems {
  private KnownProblems() {}

  static void write(List<String> problems, Path file) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, String.join("\n\n", problems) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
