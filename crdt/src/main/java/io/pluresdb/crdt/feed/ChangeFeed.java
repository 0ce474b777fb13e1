package io.pluresdb.crdt.feed;

import java.util.function.Consumer;

/**
 * Publishes each committed transaction, local or remote, after its commit and never under the
 * store's lock. Listeners are called in commit order on the committing thread; a listener that
 * throws is logged and does not affect the commit or other listeners.
 */
public interface ChangeFeed {
  /** Registers a listener; closing the returned handle unregisters it. */
  AutoCloseable subscribe(Consumer<ChangeSet> listener);
}
