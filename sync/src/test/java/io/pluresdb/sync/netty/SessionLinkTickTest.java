package io.pluresdb.sync.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.pluresdb.sync.protocol.Role;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ticks of a link whose session is busy: however many arrive while one is still queued, the session
 * ticks once, and a tick after that one ran is queued again.
 */
class SessionLinkTickTest {
  private static final Limits LIMITS = new Limits(64, 128, 4, 3);

  @Test
  void ticksWhileOneIsQueuedRunOnce() {
    RecordingSession session = new RecordingSession(Role.SERVER);
    List<Runnable> pool = new ArrayList<>();
    SessionLink link = new SessionLink(new EmbeddedChannel(), session, pool::add, LIMITS, "test");
    for (int i = 0; i < 100; i++) {
      link.tick();
    }
    runAll(pool);
    assertThat(session.ticks).hasValue(1);

    link.tick();
    link.tick();
    runAll(pool);
    assertThat(session.ticks).hasValue(2);
  }

  private static void runAll(List<Runnable> pool) {
    while (!pool.isEmpty()) {
      pool.remove(0).run();
    }
  }
}
