package io.pluresdb.tck.campaign;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A running {@link NodeMain} child JVM, started with this JVM's class path: sends it commands and
 * reads its answers. Its stderr is appended to a log file beside its database.
 *
 * <p>Not thread-safe: one campaign thread drives it; a daemon thread only moves stdout lines into a
 * queue.
 */
final class NodeProcess {
  /** How long one answer may take on a loaded machine (a node's start includes opening a JVM). */
  static final Duration ANSWER = Duration.ofSeconds(120);

  /** The answer to one command: its rows and the final line ({@code OK} or {@code ERR ...}). */
  record Answer(List<String> rows, String status) {
    boolean ok() {
      return status.equals(NodeProtocol.OK);
    }

    /** The SQLState of an {@code ERR} answer. */
    String sqlState() {
      String[] parts = status.split(" ", 3);
      return parts.length > 1 ? parts[1] : "";
    }
  }

  private final String name;
  private final Process process;
  private final Writer in;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final String nodeId;
  private final int port;

  private NodeProcess(String name, Process process) throws IOException, InterruptedException {
    this.name = name;
    this.process = process;
    this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread pump = new Thread(this::pump, "campaign-" + name + "-stdout");
    pump.setDaemon(true);
    pump.start();
    String ready = next();
    if (!ready.startsWith(NodeProtocol.READY + " ")) {
      throw new IOException("node " + name + " did not start: " + ready);
    }
    String[] parts = ready.split(" ");
    this.nodeId = parts[1];
    this.port = Integer.parseInt(parts[2]);
  }

  /** Starts node {@code name} on the database URL and waits until it is open. */
  static NodeProcess start(String name, String url, Path log)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Xmx256m",
                    "-XX:TieredStopAtLevel=1",
                    "-cp",
                    System.getProperty("java.class.path"),
                    NodeMain.class.getName(),
                    url))
            .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    try {
      return new NodeProcess(name, p);
    } catch (IOException | RuntimeException e) {
      p.destroyForcibly().waitFor();
      throw e;
    }
  }

  String name() {
    return name;
  }

  String nodeId() {
    return nodeId;
  }

  /** The port the node listens on (0 when it does not). */
  int port() {
    return port;
  }

  /** Sends one command and returns its answer. */
  Answer send(String command) throws IOException, InterruptedException {
    in.write(command);
    in.write('\n');
    in.flush();
    List<String> rows = new ArrayList<>();
    while (true) {
      String line = next();
      if (line.startsWith(NodeProtocol.ROW + "\t")) {
        rows.add(line);
      } else {
        return new Answer(rows, line);
      }
    }
  }

  /** Kill -9: the node gets no chance to close anything. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** Asks the node to close its database and waits for the process to end. */
  void quit() throws IOException, InterruptedException {
    if (process.isAlive()) {
      send(NodeProtocol.QUIT);
      if (!process.waitFor(ANSWER.toSeconds(), TimeUnit.SECONDS)) {
        kill();
      }
    }
  }

  private String next() throws IOException, InterruptedException {
    String line = lines.poll(ANSWER.toSeconds(), TimeUnit.SECONDS);
    if (line == null) {
      throw new IOException("node " + name + " gave no answer in " + ANSWER.toSeconds() + " s");
    }
    if (line.equals(EOF)) {
      throw new IOException("node " + name + " ended (exit " + exitCode() + ")");
    }
    return line;
  }

  private String exitCode() throws InterruptedException {
    return process.waitFor(10, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "?";
  }

  private static final String EOF = "\u0000EOF";

  private void pump() {
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lines.add(line);
      }
    } catch (IOException e) {
      // the process was killed: its end of the pipe is gone, reported as the end below
    }
    lines.add(EOF);
  }
}
