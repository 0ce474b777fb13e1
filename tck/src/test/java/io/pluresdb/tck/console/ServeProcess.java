package io.pluresdb.tck.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/**
 * {@code pluresdb serve} in a process of its own, as a user runs it: {@code java -jar pluresdb.jar
 * serve} (the self-contained jar that the driver module builds, with the console's libraries in
 * it), its output in a file, stopped with SIGTERM.
 */
final class ServeProcess implements AutoCloseable {
  private static final Pattern CONSOLE = Pattern.compile("console: (http://\\S+/console/)");
  private static final Pattern LISTEN = Pattern.compile("listening on ws://[^:]+:(\\d+)");

  private final Process process;
  private final Path log;
  final String consoleUrl;
  final int port;

  private ServeProcess(Process process, Path log, String consoleUrl, int port) {
    this.process = process;
    this.log = log;
    this.consoleUrl = consoleUrl;
    this.port = port;
  }

  static ServeProcess start(Path dir, String token) throws IOException {
    Path log = dir.resolve("serve.log");
    Path jar =
        Path.of(System.getProperty("pluresdb.jar", "../driver/target/pluresdb.jar"))
            .toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new AssertionError(
          "the console test runs the self-contained jar, which is missing at "
              + jar
              + ": build the driver module first (mvn -B verify builds it before tck)");
    }
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "serve",
                "--db",
                dir.resolve("hub.db").toString(),
                "--port",
                "0",
                "--token",
                token)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    AtomicReference<Matcher> console = new AtomicReference<>();
    AtomicReference<Matcher> listen = new AtomicReference<>();
    try {
      Awaitility.await("serve prints where its console is")
          .atMost(Duration.ofSeconds(120))
          .until(
              () -> {
                String out = Files.readString(log, StandardCharsets.UTF_8);
                if (!p.isAlive()) {
                  throw new AssertionError("serve exited: " + out);
                }
                Matcher c = CONSOLE.matcher(out);
                Matcher l = LISTEN.matcher(out);
                if (c.find() && l.find()) {
                  console.set(c);
                  listen.set(l);
                  return true;
                }
                return false;
              });
    } catch (RuntimeException | Error e) {
      p.destroyForcibly();
      throw e;
    }
    return new ServeProcess(
        p, log, console.get().group(1), Integer.parseInt(listen.get().group(1)));
  }

  String output() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws Exception {
    process.destroy(); // SIGTERM: serve closes its database cleanly
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
