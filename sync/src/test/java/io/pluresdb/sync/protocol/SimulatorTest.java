package io.pluresdb.sync.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the {@link Simulator} for many seeds: {@code -Dsync.sim.seeds=1000} for more, {@code
 * -Dsync.sim.seed=N} to start at (or replay) seed N.
 */
class SimulatorTest {
  @TempDir Path dir;

  @TestFactory
  @Timeout(600)
  Stream<DynamicTest> everySeedConvergesAfterHealing(TestReporter report) {
    long first = Long.getLong("sync.sim.seed", 1);
    int seeds = Integer.getInteger("sync.sim.seeds", 50);
    int steps = Integer.getInteger("sync.sim.steps", 400);
    return LongStream.range(first, first + seeds)
        .mapToObj(
            seed ->
                DynamicTest.dynamicTest(
                    "seed " + seed,
                    () -> {
                      try (Simulator sim = new Simulator(dir.resolve("seed" + seed), seed)) {
                        sim.run(steps);
                        sim.heal();
                        sim.assertConverged();
                        assertThat(sim.transactions()).isPositive();
                        report.publishEntry("seed " + seed, sim.summary());
                      }
                    }));
  }
}
