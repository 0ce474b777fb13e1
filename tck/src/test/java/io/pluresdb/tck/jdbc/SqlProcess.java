package io.pluresdb.tck.jdbc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A second OS process with one connection to a database ({@link SqlProcessMain}), started with the
 * test classpath; {@link #send} gives it a command and waits (generously: the machine may be
 * loaded) for its one-line answer.
 */
final class SqlProcess implements AutoCloseable {
  private static final long ANSWER_SECONDS = 180;

  private final Process process;
  private final Writer toChild;
  private final LinkedBlockingQueue<String> answers = new LinkedBlockingQueue<>();
  private final Path errors;

  private SqlProcess(Process process, Path errors) {
    this.process = process;
    this.errors = errors;
    this.toChild = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                  answers.add(line);
                }
              } catch (IOException e) {
                answers.add("EOF " + e);
              }
            },
            "sql-process-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts a JVM that opens {@code url}, and waits until its connection is open. */
  static SqlProcess start(Path dir, String url, String name) throws IOException {
    Path errors = dir.resolve(name + ".err");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                List.of(
                    java,
                    "-cp",
                    System.getProperty("java.class.path"),
                    SqlProcessMain.class.getName(),
                    url))
            .redirectError(errors.toFile())
            .start();
    SqlProcess child = new SqlProcess(p, errors);
    String ready = child.answer();
    if (!ready.equals("READY")) {
      child.kill();
      throw new AssertionError(name + " did not open " + url + ": " + ready + child.errors());
    }
    return child;
  }

  /** Sends one command and returns the answer. */
  String send(String command) throws IOException {
    toChild.write(command + "\n");
    toChild.flush();
    return answer();
  }

  private String answer() throws IOException {
    try {
      String line = answers.poll(ANSWER_SECONDS, TimeUnit.SECONDS);
      if (line == null) {
        throw new AssertionError("no answer in " + ANSWER_SECONDS + " s" + errors());
      }
      return line;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private String errors() throws IOException {
    return "\n--- its standard error:\n" + Files.readString(errors, StandardCharsets.UTF_8);
  }

  /** Kills the process as {@code kill -9} does, and waits until it is gone. */
  void kill() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(ANSWER_SECONDS, TimeUnit.SECONDS)) {
        throw new AssertionError("the killed process is still there");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  @Override
  public void close() throws IOException {
    if (!process.isAlive()) {
      return;
    }
    toChild.close(); // its input ends, so it closes its connection and exits
    try {
      if (!process.waitFor(ANSWER_SECONDS, TimeUnit.SECONDS)) {
        kill();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill();
    }
  }
}
