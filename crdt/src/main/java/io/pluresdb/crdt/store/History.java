package io.pluresdb.crdt.store;

import io.pluresdb.crdt.op.VersionVector;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * How a store keeps its history bounded (see the README's "History that stays bounded"): the peers
 * it knows and what each acknowledged holding, and compaction, which folds away what every known
 * peer holds once it is older than the retention.
 *
 * <p>Thread-safe.
 */
public interface History {

  /**
   * The peer {@code node} holds {@code holds}: said by its hello and whenever it has acknowledged
   * every transaction sent to it. Kept in memory, written before anything is folded.
   */
  void peerHolds(String node, VersionVector holds);

  /** The peers this node knows, by node id, with what each last acknowledged. */
  List<PeerAck> peers();

  /**
   * Forgets the peer {@code node}, so that it no longer holds the horizon back (if it comes back it
   * is known again, and catches up by row states if it is behind the horizon); false when it was
   * not known.
   */
  boolean dropPeer(String node) throws SQLException;

  /**
   * Folds away every transaction all known peers hold that is older than {@code retention}, in
   * small write transactions (writers wait at most one of them), then the tombstones below the
   * horizon.
   */
  Compacted compact(Duration retention) throws SQLException;

  /**
   * How many log records older than {@code retention} the peer has not acknowledged: what it alone
   * may be holding back.
   */
  long heldBack(PeerAck peer, Duration retention) throws SQLException;

  /** Log records folded away since the store opened. */
  long foldedTotal();

  /** The horizon: per writing node, the last transaction folded away (empty: none). */
  VersionVector horizon();
}
