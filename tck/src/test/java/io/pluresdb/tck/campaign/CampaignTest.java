package io.pluresdb.tck.campaign;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault campaign over real node processes. A few short seeds run in every build; more on
 * demand: {@code mvn -B -o -pl tck -am verify -Dtest=CampaignTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dcampaign.seeds=200}, with {@code -Dcampaign.seed=N} to
 * start at (or replay) seed N, {@code -Dcampaign.steps}, {@code -Dcampaign.clients} and {@code
 * -Dcampaign.skew} (largest clock offset in ms) to change the shape. Schedules include tables of
 * one name created concurrently with different columns, which merge like data; {@code
 * -Dcampaign.clashes=false} leaves them out.
 */
class CampaignTest {
  @TempDir Path dir;

  @TestFactory
  Stream<DynamicTest> everySeedConvergesWithNothingAcknowledgedLost(TestReporter report) {
    long first = Long.getLong("campaign.seed", 1);
    int seeds = Integer.getInteger("campaign.seeds", 2);
    int steps = Integer.getInteger("campaign.steps", 40);
    int clients = Integer.getInteger("campaign.clients", 2);
    long skew = Long.getLong("campaign.skew", 20_000);
    boolean clashes = Boolean.parseBoolean(System.getProperty("campaign.clashes", "true"));
    String flags =
        " -Dcampaign.steps="
            + steps
            + " -Dcampaign.clients="
            + clients
            + " -Dcampaign.skew="
            + skew
            + " -Dcampaign.clashes="
            + clashes;
    return LongStream.range(first, first + seeds)
        .mapToObj(
            seed ->
                DynamicTest.dynamicTest(
                    "seed " + seed,
                    () -> {
                      Schedule schedule = Schedule.draw(seed, clients, steps, skew, clashes);
                      try (Campaign c = new Campaign(dir.resolve("seed" + seed), schedule)) {
                        String summary = c.run();
                        report.publishEntry("seed " + seed, summary);
                        progress("seed " + seed + " converged: " + summary);
                      } catch (Exception | AssertionError e) {
                        String replay = "-Dcampaign.seed=" + seed + " -Dcampaign.seeds=1" + flags;
                        progress("seed " + seed + " FAILED (replay: " + replay + ")");
                        throw new AssertionError(
                            "campaign seed "
                                + seed
                                + " failed (replay: "
                                + replay
                                + "): "
                                + e.getMessage()
                                + "\n"
                                + schedule.describe(),
                            e);
                      }
                    }));
  }

  /**
   * Appends one seed's outcome to {@code target/campaign-seeds.log} as it finishes, so a long
   * on-demand run can be followed (and cut short) without waiting for the test report.
   */
  private static void progress(String line) throws IOException {
    Files.writeString(
        Path.of("target", "campaign-seeds.log"),
        Instant.now() + " " + line + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }
}
