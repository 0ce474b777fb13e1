package io.pluresdb.driver.progress;

import io.pluresdb.engine.api.IndexBuild;
import java.util.List;
import java.util.Locale;

/** The text of the shell's live counter, and the sum of several databases' progress. */
final class ProgressLine {
  private ProgressLine() {}

  /**
   * One line, for example {@code "running 3.2 s, 12 transactions committed since, index docs_vec
   * 1500 of 4000 rows (37%), peers behind by 9 transactions"}; the index and backlog parts only
   * when there is one.
   */
  static String format(Progress p) {
    StringBuilder b = new StringBuilder("running ");
    b.append(String.format(Locale.ROOT, "%.1f s", p.elapsedNanos() / 1e9));
    if (p.running() > 1) {
      b.append(" (").append(p.running()).append(" statements)");
    }
    b.append(", ").append(p.committed()).append(" transactions committed since");
    IndexBuild ix = p.index();
    if (ix != null) {
      b.append(", index ")
          .append(ix.index())
          .append(' ')
          .append(ix.done())
          .append(" of ")
          .append(ix.total())
          .append(" rows (")
          .append(ix.total() == 0 ? 100 : 100L * ix.done() / ix.total())
          .append("%)");
    }
    if (p.behind() > 0) {
      b.append(", peers behind by ").append(p.behind()).append(" transactions");
    }
    return b.toString();
  }

  /**
   * The progress of several databases as one: statements and counts add up, the longest run and the
   * first index build stand for all.
   */
  static Progress sum(List<Progress> all) {
    int running = 0;
    long elapsed = 0;
    long committed = 0;
    long behind = 0;
    IndexBuild index = null;
    for (Progress p : all) {
      running += p.running();
      elapsed = Math.max(elapsed, p.elapsedNanos());
      committed += p.committed();
      behind += p.behind();
      index = index == null ? p.index() : index;
    }
    return new Progress(running, elapsed, committed, index, behind);
  }
}
