package io.pluresdb.driver.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/**
 * {@code pluresdb serve} in a JVM of its own (a second OS process beside the test's) until closed:
 * started with SIGTERM's clean stop in mind, its output kept in a file of {@code dir}.
 */
final class HubProcess implements AutoCloseable {
  private static final Pattern LISTEN = Pattern.compile("listening on ws://[^:]+:(\\d+)");
  private static final AtomicInteger NAMES = new AtomicInteger();

  private final Process process;
  private final Path log;
  final int port;

  private HubProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /**
   * Starts {@code pluresdb serve --port 0 ARGS} from the test's class path and waits until it
   * prints where it listens.
   */
  static HubProcess start(Path dir, String... args) throws IOException {
    return start(
        dir, List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()), args);
  }

  /** Starts {@code java -jar JAR serve --port 0 ARGS}, as a user runs it. */
  static HubProcess startJar(Path dir, Path jar, String... args) throws IOException {
    return start(dir, List.of("-jar", jar.toString()), args);
  }

  private static HubProcess start(Path dir, List<String> launcher, String... args)
      throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(launcher);
    command.addAll(List.of("serve", "--port", "0"));
    command.addAll(List.of(args));
    Path log = dir.resolve("hub-" + NAMES.incrementAndGet() + ".log");
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    int[] port = new int[1];
    try {
      Awaitility.await("serve prints where it listens")
          .atMost(Duration.ofSeconds(180))
          .until(
              () -> {
                String out = Files.readString(log, StandardCharsets.UTF_8);
                if (!p.isAlive()) {
                  throw new AssertionError("serve exited: " + out);
                }
                Matcher m = LISTEN.matcher(out);
                if (m.find()) {
                  port[0] = Integer.parseInt(m.group(1));
                  return true;
                }
                return false;
              });
    } catch (RuntimeException | Error e) {
      p.destroyForcibly();
      throw e;
    }
    return new HubProcess(p, log, port[0]);
  }

  String peerUrl() {
    return "ws://127.0.0.1:" + port;
  }

  String output() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  /** Kills the process outright (SIGKILL): a hub lost, not stopped. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(60, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws Exception {
    process.destroy(); // SIGTERM: serve stops cleanly
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
