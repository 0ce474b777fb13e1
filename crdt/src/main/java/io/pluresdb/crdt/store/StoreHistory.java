package io.pluresdb.crdt.store;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.op.VersionVector;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The embedded store's {@link History}: {@link PeerAcks}, {@link HistoryHorizon} and {@link
 * Compaction} over the writer, and log reads for {@link #heldBack} on a connection of their own.
 *
 * <p>Thread-safe: see the parts.
 */
final class StoreHistory implements History {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final StoreFiles files;
  private final WriterPermit permit;
  private final Writer w;
  private final PeerAcks peers;
  private final HistoryHorizon horizon;
  private final Compaction compaction;
  private final Clock clock;
  private final boolean follows;
  private final CommittedState state;

  StoreHistory(
      StoreFiles files,
      WriterPermit permit,
      Writer w,
      Meta meta,
      CommittedState state,
      Clock clock,
      boolean follows)
      throws SQLException {
    this.files = files;
    this.permit = permit;
    this.w = w;
    this.clock = clock;
    this.follows = follows;
    this.state = state;
    this.peers = new PeerAcks(w.conn);
    this.horizon = new HistoryHorizon(meta);
    this.compaction = new Compaction(permit, w, state, peers, horizon, clock);
  }

  @Override
  public void peerHolds(String node, VersionVector holds) {
    peers.report(node, holds, clock.millis());
  }

  @Override
  public List<PeerAck> peers() {
    return peers.all();
  }

  @Override
  public boolean dropPeer(String node) throws SQLException {
    writable();
    permit.acquire(WAIT);
    try {
      boolean known = peers.drop(w, node);
      w.commit();
      return known;
    } catch (SQLException | RuntimeException e) {
      w.rollback();
      throw e;
    } finally {
      permit.release();
    }
  }

  @Override
  public Compacted compact(Duration retention) throws SQLException {
    writable();
    return compaction.run(retention);
  }

  private void writable() throws SQLException {
    if (follows) {
      throw Errors.of(
          SqlState.READ_ONLY_SQL_TRANSACTION,
          files.description() + " is compacted by the process that owns it");
    }
  }

  @Override
  public long heldBack(PeerAck peer, Duration retention) throws SQLException {
    OpId cutoff = OpId.of(clock.millis() - retention.toMillis(), 0xFFFF_FFFFL, 0xFFFF_FFFF_FFFFL);
    long count = 0;
    try (Connection c = files.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT count(*) FROM _pl_log WHERE tx > ? AND tx <= ? AND node = ?")) {
      for (Long node : state.versionVector().last().keySet()) {
        OpId held = peer.holds().lastOf(node);
        ps.setBytes(1, held == null ? new byte[0] : held.toBytes());
        ps.setBytes(2, cutoff.toBytes());
        ps.setLong(3, node);
        try (ResultSet rs = ps.executeQuery()) {
          count += rs.next() ? rs.getLong(1) : 0;
        }
      }
    }
    return count;
  }

  @Override
  public long foldedTotal() {
    return compaction.foldedTotal();
  }

  @Override
  public VersionVector horizon() {
    return horizon.vector();
  }
}
