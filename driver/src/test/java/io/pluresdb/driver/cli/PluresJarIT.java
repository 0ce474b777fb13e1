package io.pluresdb.driver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The self-contained jar, run as a user runs it: {@code java -jar pluresdb.jar ...}. */
@Timeout(120)
class PluresJarIT {
  @TempDir Path dir;

  record Run(int exit, String out) {}

  private Run java(String... args) throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty("pluresdb.jar"));
    assertThat(jar).exists();
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        jar.toString()));
    command.addAll(List.of(args));
    Path log = dir.resolve("out.txt");
    Process p = new ProcessBuilder(command).directory(dir.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
    if (!p.waitFor(100, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("java -jar did not finish: " + Files.readString(log));
    }
    return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  @Test
  void versionPrintsTheProductVersion() throws Exception {
    Run r = java("version");
    assertThat(r.exit()).as(r.out()).isZero();
    assertThat(r.out()).startsWith("PluresDB " + System.getProperty("pluresdb.version", ""));
  }

  @Test
  void helpListsTheCommands() throws Exception {
    Run r = java("--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("shell").contains("version").doesNotContain("serve");
  }
}
