package io.pluresdb.bench;

import java.nio.file.Path;

/**
 * Writes a benchmark database in its own process: {@code Seed <target> <file> <albums>}. Used where
 * the measuring JVM must stay cold.
 */
public final class Seed {
  private Seed() {}

  public static void main(String[] args) throws Exception {
    Fixture.seed(Target.of(args[0]), Path.of(args[1]), Integer.parseInt(args[2]));
  }
}
