package io.pluresdb.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarizes the CPU samples of a JFR recording (Java and native): samples per thread, the share of
 * samples inside each kind of work (class loading, Janino code generation, Calcite's metadata,
 * parser, validator, planner, SQLite, the store, the engine; a sample inside several counts in
 * each), the hottest methods, the project's methods nearest the top of the stack, and where the
 * threads waited (parked, blocked on or waiting for a monitor, sleeping), by the project's method
 * nearest the top. Native samples of threads idle in a socket, a poll or a park are left out.
 *
 * <p>Usage: {@code JfrSummary <recording.jfr> [thread name prefix]}.
 */
public final class JfrSummary {
  /** Kinds of work, by the class or method a frame anywhere in the stack belongs to. */
  private static final Map<String, List<String>> KINDS = new LinkedHashMap<>();

  static {
    KINDS.put(
        "class loading, linking, static init",
        List.of(
            "java.lang.ClassLoader.",
            "jdk.internal.loader.",
            "java.lang.Class.forName",
            ".<clinit>",
            "java.lang.invoke."));
    KINDS.put("Janino (generated code)", List.of("org.codehaus.janino.", "org.codehaus.commons."));
    KINDS.put("Calcite metadata", List.of("org.apache.calcite.rel.metadata."));
    KINDS.put("parse", List.of("io.pluresdb.sql.parser.", "org.apache.calcite.sql.parser."));
    KINDS.put("validate", List.of("org.apache.calcite.sql.validate."));
    KINDS.put("SQL to relational", List.of("org.apache.calcite.sql2rel."));
    KINDS.put("planner rules", List.of("org.apache.calcite.plan."));
    KINDS.put("Calcite, any", List.of("org.apache.calcite."));
    KINDS.put("SQLite (sqlite-jdbc, JNI)", List.of("org.sqlite."));
    KINDS.put("store (crdt)", List.of("io.pluresdb.crdt."));
    KINDS.put("engine", List.of("io.pluresdb.engine."));
    KINDS.put("sql module", List.of("io.pluresdb.sql."));
  }

  /** Top frames of a native sample that mean the thread is idle, not working. */
  private static final List<String> IDLE =
      List.of(
          "sun.nio.ch.",
          "java.net.",
          "io.netty.channel.epoll.Native.",
          "jdk.internal.misc.Unsafe.park",
          "java.lang.Thread.sleep",
          "java.lang.Object.wait");

  private static final List<String> WAITS =
      List.of("jdk.ThreadPark", "jdk.JavaMonitorEnter", "jdk.JavaMonitorWait", "jdk.ThreadSleep");

  private final Map<String, Integer> threads = new HashMap<>();
  private final Map<String, Integer> kinds = new LinkedHashMap<>();
  private final Map<String, Integer> self = new HashMap<>();
  private final Map<String, Integer> ours = new HashMap<>();
  private final Map<String, Double> waited = new HashMap<>();
  private int samples;

  private JfrSummary() {
    KINDS.keySet().forEach(k -> kinds.put(k, 0));
  }

  public static void main(String[] args) throws IOException {
    String only = args.length > 1 ? args[1] : "";
    JfrSummary s = new JfrSummary();
    for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
      String type = e.getEventType().getName();
      boolean sample = type.equals("jdk.ExecutionSample") || type.equals("jdk.NativeMethodSample");
      if (!sample && !WAITS.contains(type) || e.getStackTrace() == null) {
        continue;
      }
      RecordedThread t = e.getThread(sample ? "sampledThread" : "eventThread");
      String thread = t == null || t.getJavaName() == null ? "?" : t.getJavaName();
      List<RecordedFrame> frames = e.getStackTrace().getFrames();
      if (!thread.startsWith(only)) {
        continue;
      }
      if (!sample) {
        s.waited.merge(
            type.substring(4) + " in " + nearestOurs(frames),
            e.getDuration().toNanos() / 1e6,
            Double::sum);
      } else if (type.equals("jdk.ExecutionSample")
          || frames.isEmpty()
          || !matches(name(frames.get(0)), IDLE)) {
        s.add(thread, frames);
      }
    }
    s.print();
  }

  private void add(String thread, List<RecordedFrame> frames) {
    samples++;
    threads.merge(thread, 1, Integer::sum);
    if (frames.isEmpty()) {
      return;
    }
    self.merge(name(frames.get(0)), 1, Integer::sum);
    ours.merge(nearestOurs(frames), 1, Integer::sum);
    for (Map.Entry<String, List<String>> k : KINDS.entrySet()) {
      if (frames.stream().anyMatch(f -> matches(name(f), k.getValue()))) {
        kinds.merge(k.getKey(), 1, Integer::sum);
      }
    }
  }

  private static String nearestOurs(List<RecordedFrame> frames) {
    for (RecordedFrame f : frames) {
      String n = name(f);
      if (n.startsWith("io.pluresdb.")) {
        return n;
      }
    }
    return "(none)";
  }

  private static boolean matches(String frame, List<String> parts) {
    return parts.stream().anyMatch(frame::contains);
  }

  private static String name(RecordedFrame f) {
    return f.getMethod().getType().getName() + "." + f.getMethod().getName();
  }

  private void print() {
    System.out.printf(Locale.ROOT, "%d samples%n%n| thread | samples |%n|---|---|%n", samples);
    top(threads, 8);
    System.out.printf(Locale.ROOT, "%n| inside | samples | share |%n|---|---|---|%n");
    kinds.forEach(
        (k, n) ->
            System.out.printf(
                Locale.ROOT, "| %s | %d | %.0f %% |%n", k, n, 100.0 * n / Math.max(1, samples)));
    System.out.printf(Locale.ROOT, "%n| hottest method (self) | samples |%n|---|---|%n");
    top(self, 20);
    System.out.printf(Locale.ROOT, "%n| project method nearest the top | samples |%n|---|---|%n");
    top(ours, 15);
    System.out.printf(Locale.ROOT, "%n| waited (1 ms or more each) | ms |%n|---|---|%n");
    waited.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .limit(12)
        .forEach(e -> System.out.printf(Locale.ROOT, "| %s | %.0f |%n", e.getKey(), e.getValue()));
  }

  private static void top(Map<String, Integer> counts, int n) {
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(n)
        .forEach(e -> System.out.printf(Locale.ROOT, "| %s | %d |%n", e.getKey(), e.getValue()));
  }
}
