package io.pluresdb.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The bundled model through SQL: {@code embedSentence} is one {@code SELECT embed(?)} of a new
 * sentence (about a dozen words; never the previous one, which the function remembers), so its
 * throughput is sentences per second. {@code insertNote} is one auto-commit prepared INSERT of a
 * note: {@code plain} into a table without the vector column, {@code generated} into the same table
 * with {@code embedding VECTOR(384) GENERATED ALWAYS AS (embed(title || ' ' || body))}; the
 * difference is what embedding adds to an insert.
 */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EmbedBenchmark {
  private static final String[] SUBJECTS = {
    "the new manager", "our neighbour", "a small team", "the orchestra", "the old bridge",
    "my sister", "the city council", "a hungry fox", "the research lab", "the football club"
  };
  private static final String[] VERBS = {
    "finished",
    "discussed",
    "postponed",
    "celebrated",
    "repaired",
    "planned",
    "reviewed",
    "painted",
    "cancelled",
    "announced"
  };
  private static final String[] OBJECTS = {
    "the quarterly budget", "a garden party", "the weekly planning meeting", "an old piano",
    "the summer festival", "a broken window", "the morning train timetable", "a charity run",
    "the winter menu", "the museum exhibition"
  };
  private static final String[] ENDINGS = {
    "before the storm arrived", "after a long debate", "despite the heavy rain",
    "with great enthusiasm", "late on Friday evening", "in front of a large crowd",
    "without telling anyone", "for the third time this year", "at the end of the month",
    "while the children watched"
  };

  @Param({"plain", "generated"})
  public String table;

  private final SplittableRandom random = new SplittableRandom(17);
  private Path dir;
  private Connection connection;
  private PreparedStatement embed;
  private PreparedStatement insert;
  private long next;

  /** A sentence of a subject, a verb, an object and an ending: 10,000 distinct ones. */
  private String sentence() {
    return String.format(
        Locale.ROOT,
        "%s %s %s %s.",
        SUBJECTS[random.nextInt(SUBJECTS.length)],
        VERBS[random.nextInt(VERBS.length)],
        OBJECTS[random.nextInt(OBJECTS.length)],
        ENDINGS[random.nextInt(ENDINGS.length)]);
  }

  @Setup(Level.Trial)
  public void open() throws Exception {
    dir = Fixture.tempDir("bench-embed");
    connection = DriverManager.getConnection("jdbc:pluresdb:" + dir.resolve("notes.db"));
    try (Statement s = connection.createStatement()) {
      s.execute(
          "CREATE TABLE note (id BIGINT PRIMARY KEY, title VARCHAR(200), body TEXT"
              + (table.equals("generated")
                  ? ", embedding VECTOR(384) GENERATED ALWAYS AS (embed(title || ' ' || body))"
                  : "")
              + ")");
    }
    embed = connection.prepareStatement("SELECT embed(?)");
    insert = connection.prepareStatement("INSERT INTO note (id, title, body) VALUES (?, ?, ?)");
    // the model loads on the first call, outside the measurement
    embedSentence();
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    embed.close();
    insert.close();
    connection.close();
    Fixture.deleteTree(dir);
  }

  @Benchmark
  public int embedSentence() throws Exception {
    embed.setString(1, next++ + " " + sentence());
    try (ResultSet rs = embed.executeQuery()) {
      rs.next();
      return rs.getBytes(1).length;
    }
  }

  @Benchmark
  public int insertNote() throws Exception {
    insert.setLong(1, next++);
    insert.setString(2, "note " + next);
    insert.setString(3, sentence());
    return insert.executeUpdate();
  }
}
