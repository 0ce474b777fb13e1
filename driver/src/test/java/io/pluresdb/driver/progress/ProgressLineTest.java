package io.pluresdb.driver.progress;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.engine.api.IndexBuild;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
  @Test
  void aPlainStatementShowsElapsedSecondsAndCommittedTransactions() {
    assertThat(ProgressLine.format(new Progress(1, 3_240_000_000L, 12, null, 0)))
        .isEqualTo("running 3.2 s, 12 transactions committed since");
  }

  @Test
  void anIndexBuildAndABacklogAreShownWhenPresent() {
    Progress p = new Progress(2, 1_000_000_000L, 0, new IndexBuild("docs_vec", 1500, 4000), 9);
    assertThat(ProgressLine.format(p))
        .isEqualTo(
            "running 1.0 s (2 statements), 0 transactions committed since,"
                + " index docs_vec 1500 of 4000 rows (37%), peers behind by 9 transactions");
  }

  @Test
  void severalDatabasesAddUpAndTheLongestRunStandsForAll() {
    IndexBuild ix = new IndexBuild("v", 1, 2);
    Progress sum =
        ProgressLine.sum(List.of(new Progress(1, 5, 3, null, 4), new Progress(2, 9, 1, ix, 0)));
    assertThat(sum).isEqualTo(new Progress(3, 9, 4, ix, 4));
    assertThat(ProgressLine.sum(List.of()).busy()).isFalse();
  }
}
