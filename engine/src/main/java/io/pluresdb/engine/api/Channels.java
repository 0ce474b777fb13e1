package io.pluresdb.engine.api;

import io.pluresdb.crdt.feed.Notification;
import java.util.List;
import java.util.function.Consumer;

/** The notifications a session receives on the channels it listens to (LISTEN/NOTIFY). */
public interface Channels {
  /**
   * The notifications received so far, waiting up to {@code timeoutMillis} for one when there are
   * none (0 waits without limit, negative does not wait).
   */
  List<Notification> take(long timeoutMillis) throws InterruptedException;

  /** Calls {@code listener} with each notification received from now on, until closed. */
  AutoCloseable addListener(Consumer<Notification> listener);
}
