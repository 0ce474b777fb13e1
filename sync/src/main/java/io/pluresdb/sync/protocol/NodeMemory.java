package io.pluresdb.sync.protocol;

/**
 * What the sessions of one node remember across connections: where each peer's sessions left off in
 * this node's log ({@link ResumePoints}) and which notifications were delivered on this node
 * ({@link RecentIds}), so that a reconnecting peer resumes instead of rescanning the log and a
 * notification brought by several sessions of a mesh is delivered once. Whoever makes a node's
 * sessions owns one (the replicator, a test's simulated node) and passes it to each session it
 * opens; it lives in memory only, so after a restart the first session of each peer scans from the
 * start.
 *
 * <p>Thread-safe: its parts guard themselves, since sessions of one node run on different threads.
 */
public final class NodeMemory {
  private final ResumePoints resumePoints = new ResumePoints();
  private final RecentIds delivered = new RecentIds();

  ResumePoints resumePoints() {
    return resumePoints;
  }

  /** The notifications delivered on this node by any of its sessions. */
  RecentIds delivered() {
    return delivered;
  }
}
