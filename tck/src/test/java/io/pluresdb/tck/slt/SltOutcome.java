package io.pluresdb.tck.slt;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What running one script produced.
 *
 * @param script the script's file name, e.g. {@code select1.test}
 * @param records how many statements and queries were run
 * @param failures the records that failed, in script order
 * @param elapsed wall-clock time of the whole script, including loading its data
 */
record SltOutcome(String script, int records, List<SltFailure> failures, Duration elapsed) {
  SltOutcome {
    failures = List.copyOf(failures);
  }

  int passed() {
    return records - failures.size();
  }

  String summary() {
    return String.format(
        Locale.ROOT,
        "%s: %d/%d records passed in %.1f s",
        script,
        passed(),
        records,
        elapsed.toMillis() / 1000.0);
  }
}
