package io.pluresdb.driver.progress;

import io.pluresdb.engine.api.Activity;
import io.pluresdb.engine.api.Engine;
import io.pluresdb.engine.api.IndexBuild;
import org.jspecify.annotations.Nullable;

/**
 * One database's long work at one moment, polled in-process: the statements running and for how
 * long the oldest has run, the transactions committed since it began, the HNSW index being built
 * (null when none is) and how many transactions open peer sessions still lack.
 *
 * @param running statements running now
 * @param elapsedNanos how long the oldest running statement has run (0 when none runs)
 * @param committed transactions committed to the log since the oldest running statement began
 * @param index the index build under way, or null
 * @param behind the sum of {@code sys_peers.behind} over sessions not closed
 */
public record Progress(
    int running, long elapsedNanos, long committed, @Nullable IndexBuild index, long behind) {

  /** The engine's progress at {@code nowNanos} ({@link System#nanoTime}). */
  public static Progress of(Engine engine, long nowNanos) {
    Activity.Run oldest = engine.activity().oldest();
    long elapsed = oldest == null ? 0 : Math.max(0, nowNanos - oldest.startNanos());
    long committed = oldest == null ? 0 : engine.lastSeq() - oldest.startSeq();
    return new Progress(
        engine.activity().running(),
        elapsed,
        committed,
        engine.indexBuilding(),
        engine.replicationBacklog());
  }

  /** Whether anything long is under way: a statement running, an index build or a backlog. */
  public boolean busy() {
    return running > 0 || index != null || behind > 0;
  }
}
