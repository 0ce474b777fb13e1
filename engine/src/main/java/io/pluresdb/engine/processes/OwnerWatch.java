package io.pluresdb.engine.processes;

import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A follower's watch on the file: every {@value #PERIOD_MILLIS} ms it catches the follower's store
 * up with the owner's commits (so live queries here see them) and, while another process owns the
 * file, checks that the owner is still there, taking the ownership over when it is not, and reads
 * the lock file again (another follower may have taken the ownership over first).
 *
 * <p>Thread-safe: runs on its own thread; {@link #close} from any thread stops and joins it.
 */
final class OwnerWatch implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OwnerWatch.class);
  static final long PERIOD_MILLIS = 100;

  private final FileEngine engine;
  private final Thread thread;
  private volatile boolean stopped;

  private OwnerWatch(FileEngine engine, ThreadFactory threads) {
    this.engine = engine;
    this.thread = threads.newThread(this::run);
  }

  static OwnerWatch start(FileEngine engine, ThreadFactory threads) {
    OwnerWatch w = new OwnerWatch(engine, threads);
    w.thread.start();
    return w;
  }

  private void run() {
    while (!stopped) {
      try {
        engine.catchUp();
        if (engine.ownerGone()) {
          engine.takeOver();
        } else {
          engine.rereadNote();
        }
      } catch (java.sql.SQLException | RuntimeException e) {
        LOG.debug("following the owner of {}", engine.target(), e);
      }
      try {
        Thread.sleep(PERIOD_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  @Override
  public void close() {
    stopped = true;
    thread.interrupt();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
