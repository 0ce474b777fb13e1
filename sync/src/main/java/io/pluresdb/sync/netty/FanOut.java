package io.pluresdb.sync.netty;

import io.netty.buffer.ByteBuf;
import io.pluresdb.crdt.feed.ChangeSet;

/**
 * Hands each committed transaction to every link of a node with its bytes encoded once: one log
 * entry, one shared buffer, and a reference of its own for each link that takes it.
 */
public final class FanOut {
  private FanOut() {}

  /** Hands {@code change} to each of {@code links} (the committing thread). */
  public static void committed(Iterable<SessionLink> links, ChangeSet change) {
    if (!links.iterator().hasNext()) {
      return;
    }
    ByteBuf field = SharedRecords.encode(change.entry());
    try {
      for (SessionLink l : links) {
        l.committed(change, field);
      }
    } finally {
      field.release();
    }
  }
}
