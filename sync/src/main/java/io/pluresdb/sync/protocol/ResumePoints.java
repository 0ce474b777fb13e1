package io.pluresdb.sync.protocol;

import io.pluresdb.crdt.op.VersionVector;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each peer's sessions left off in this node's log, so that a peer reconnecting resumes there
 * instead of having the whole log scanned again. A point records a log position up to which every
 * entry was held by the peer, together with what the peer held then; a new session resumes from it
 * only if the peer's hello shows it still holds all of that (a peer restored from an older copy
 * does not, and is caught up from the start). One per node, in its {@link NodeMemory}.
 *
 * <p>Thread-safe (monitor): shared by all sessions of a node.
 */
final class ResumePoints {
  private record Point(long seq, VersionVector held) {}

  private final Map<String, Point> byPeer = new HashMap<>();

  /** Every log entry up to {@code seq} is held by {@code peer}, which holds {@code held}. */
  synchronized void save(String peer, long seq, VersionVector held) {
    Point p = byPeer.get(peer);
    if (p == null || seq >= p.seq()) {
      byPeer.put(peer, new Point(seq, held));
    }
  }

  /** The log position after which a peer whose hello says it holds {@code held} needs entries. */
  synchronized long resumeAfter(String peer, VersionVector held) {
    Point p = byPeer.get(peer);
    return p != null && held.dominates(p.held()) ? p.seq() : 0;
  }
}
