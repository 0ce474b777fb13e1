package io.pluresdb.crdt.store;

import io.pluresdb.crdt.op.VersionVector;
import java.time.Duration;
import java.util.List;

/**
 * The {@link History} of a store that keeps its whole log: it records no peers and folds nothing.
 *
 * <p>Thread-safe: stateless.
 */
final class KeptHistory implements History {
  static final History INSTANCE = new KeptHistory();

  private KeptHistory() {}

  @Override
  public void peerHolds(String node, VersionVector holds) {
    // nothing is folded, so no peer holds anything back
  }

  @Override
  public List<PeerAck> peers() {
    return List.of();
  }

  @Override
  public boolean dropPeer(String node) {
    return false;
  }

  @Override
  public Compacted compact(Duration retention) {
    return new Compacted(0, 0, VersionVector.empty());
  }

  @Override
  public long heldBack(PeerAck peer, Duration retention) {
    return 0;
  }

  @Override
  public long foldedTotal() {
    return 0;
  }

  @Override
  public VersionVector horizon() {
    return VersionVector.empty();
  }
}
