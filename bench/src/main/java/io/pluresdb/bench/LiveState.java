package io.pluresdb.bench;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The per-trial {@link LiveFixture} of the live-query benchmarks; each subclass declares the
 * subscription counts it runs with.
 */
abstract class LiveState {
  LiveFixture fixture;

  /** The number of active subscriptions of this trial. */
  abstract int subscriptionCount();

  @Setup(Level.Trial)
  public void subscribe() throws Exception {
    fixture = new LiveFixture(subscriptionCount());
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    fixture.close();
  }
}
