package io.pluresdb.driver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The rows-done line of export and import: at most once a second of its clock, then the total. */
class RowCountTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private final AtomicLong nanos = new AtomicLong(5_000);

  @Test
  void printsTheRowsDoneOnceASecondAndTheTotalAtTheEnd() {
    RowCount count = new RowCount(out, "exported", nanos::get);
    for (long row = 1; row <= 1000; row++) {
      count.accept(row);
    }
    assertThat(text()).as("nothing within the first second").isEmpty();
    nanos.addAndGet(TimeUnit.SECONDS.toNanos(1));
    count.accept(1001);
    count.accept(1002);
    nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));
    count.accept(1003);
    nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));
    count.accept(1004);
    count.finish(1004, " to note.csv");
    assertThat(text().lines())
        .containsExactly(
            "1001 rows exported...", "1004 rows exported...", "1004 rows exported to note.csv");
  }

  private String text() {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
