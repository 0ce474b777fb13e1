package io.pluresdb.driver.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class LiveCounterTest {
  private final StringWriter screen = new StringWriter();
  private Progress now = new Progress(0, 0, 0, null, 0);
  private final LiveCounter counter = new LiveCounter(() -> now, new PrintWriter(screen));

  @Test
  void aShortStatementDrawsNothing() throws Exception {
    now = new Progress(1, LiveCounter.SHOW_AFTER_NANOS - 1, 0, null, 0);
    counter.tick();
    now = new Progress(0, 0, 0, null, 0);
    counter.tick();
    counter.close();
    assertThat(screen.toString()).isEmpty();
  }

  @Test
  void aLongStatementRedrawsOneLineInPlaceAndErasesItWhenItEnds() throws Exception {
    now = new Progress(1, 2_000_000_000L, 12345, null, 0);
    counter.tick();
    String first = "running 2.0 s, 12345 transactions committed since";
    assertThat(screen.toString()).isEqualTo("\r" + first);
    now = new Progress(1, 2_500_000_000L, 7, null, 0);
    counter.tick();
    String second = "running 2.5 s, 7 transactions committed since";
    // the shorter line is padded over the longer one it replaces
    assertThat(screen.toString())
        .isEqualTo("\r" + first + "\r" + second + " ".repeat(first.length() - second.length()));
    screen.getBuffer().setLength(0);
    now = new Progress(0, 0, 0, null, 0);
    counter.tick();
    assertThat(screen.toString()).isEqualTo("\r" + " ".repeat(second.length()) + "\r");
    counter.tick();
    assertThat(screen.toString()).hasSize(second.length() + 2);
  }

  @Test
  void closingErasesALineStillShown() throws Exception {
    now = new Progress(1, 4_000_000_000L, 0, null, 0);
    counter.tick();
    screen.getBuffer().setLength(0);
    counter.close();
    String line = "running 4.0 s, 0 transactions committed since";
    assertThat(screen.toString()).isEqualTo("\r" + " ".repeat(line.length()) + "\r");
  }
}
