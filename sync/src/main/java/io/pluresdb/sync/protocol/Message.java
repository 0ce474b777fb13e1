package io.pluresdb.sync.protocol;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.op.VersionVector;
import io.pluresdb.sync.scope.Scope;
import java.util.List;

/**
 * The messages two sessions exchange, one per binary frame (encoded by {@link MessageCodec}). A
 * client opens with {@link Hello}, the server answers {@link Welcome}; then both sides stream
 * {@link Batch}es of log records, acknowledge them ({@link Ack}), relay {@link Notify}s, keep the
 * connection alive ({@link Ping}/{@link Pong}) and say why they leave ({@link Bye}). From version 4
 * a server may catch a client up by a snapshot of row states ({@link States}, {@link StatesAck})
 * before the log tail.
 */
public sealed interface Message {

  /**
   * The client's opening message.
   *
   * @param minVersion the oldest protocol version the client speaks
   * @param maxVersion the newest protocol version the client speaks
   * @param node the client's node id (12 hex digits)
   * @param databaseId the client's database identity
   * @param sealed whether that identity is sealed (the client has joined or served a peer); two
   *     fresh ends agree on the smaller identity, a fresh end adopts a sealed one
   * @param token the credential it presents, or null
   * @param versionVector what the client holds
   * @param scopes the part of the database the client wants to hold, none for the whole; a client
   *     with scopes is sent {@link Rows} rather than batches of data
   */
  record Hello(
      int minVersion,
      int maxVersion,
      String node,
      String databaseId,
      boolean sealed,
      String token,
      VersionVector versionVector,
      List<Scope> scopes)
      implements Message {
    public Hello {
      scopes = List.copyOf(scopes);
    }

    /** A hello asking for the whole database. */
    public Hello(
        int minVersion,
        int maxVersion,
        String node,
        String databaseId,
        boolean sealed,
        String token,
        VersionVector versionVector) {
      this(minVersion, maxVersion, node, databaseId, sealed, token, versionVector, List.of());
    }
  }

  /**
   * The server's answer to an admitted {@link Hello}.
   *
   * @param version the protocol version chosen for the session
   * @param node the server's node id
   * @param databaseId the database identity the client must join
   * @param versionVector what the server holds
   * @param assigned from version 3: the node number the server hands to a fresh client joining its
   *     database (see {@code Store#handOutNodeNumber}), or -1 for none
   */
  record Welcome(
      int version, String node, String databaseId, VersionVector versionVector, int assigned)
      implements Message {
    /** A welcome that hands out no node number. */
    public Welcome(int version, String node, String databaseId, VersionVector versionVector) {
      this(version, node, databaseId, versionVector, -1);
    }
  }

  /**
   * Transactions the receiver lacks, in the sender's log order (which is causal order).
   *
   * @param seqNo this batch's number within the session (1, 2, …), acknowledged by {@link Ack}
   * @param records transaction records as encoded by {@link io.pluresdb.crdt.op.TxCodec}: the bytes
   *     the sender holds in its log, which are its author's bytes (relays never encode again)
   */
  record Batch(long seqNo, List<byte[]> records) implements Message {
    public Batch {
      records = List.copyOf(records);
    }
  }

  /**
   * Every batch up to {@code seqNo} is applied (acknowledgements are cumulative).
   *
   * @param seqNo the last batch applied
   */
  record Ack(long seqNo) implements Message {}

  /**
   * A notification (NOTIFY) relayed between nodes.
   *
   * @param id its unique id (relays de-duplicate by it)
   * @param channel the channel
   * @param payload the payload, never null
   * @param node the node that sent it
   */
  record Notify(OpId id, String channel, String payload, String node) implements Message {}

  /**
   * Part of a snapshot of row states, server to client (version 4, see {@link CatchUp}).
   *
   * @param seqNo this part's number within the snapshot (1, 2, …), acknowledged by {@link
   *     StatesAck}
   * @param last true on the snapshot's last part
   * @param body a {@link io.pluresdb.crdt.op.RowStateBatch} as {@link
   *     io.pluresdb.crdt.op.RowStateCodec} encodes it; the first part carries the snapshot's
   *     coverage, no other part does
   */
  record States(long seqNo, boolean last, byte[] body) implements Message {}

  /**
   * Every part of the snapshot up to {@code seqNo} is merged.
   *
   * @param seqNo the last part merged
   */
  record StatesAck(long seqNo) implements Message {}

  /**
   * Rows of a partial copy: states of rows in the receiver's slice and rows that left it, from a
   * serving node to a client that holds a slice (it declared scopes, or its user is held to read
   * policies). Row states stand for the operations that produced them; a removal deletes the row
   * from the receiver's copy only.
   *
   * @param flags {@link #FIRST}, {@link #LAST}: the first and last message of a whole slice, after
   *     which the receiver holds no row of a sliced table that the slice did not send
   * @param states a {@link io.pluresdb.crdt.op.RowStateCodec} batch; its coverage, if any, names
   *     the transactions the receiver now counts as held
   * @param removals a {@link io.pluresdb.crdt.op.RowStateCodec} batch of the keys that left
   */
  record Rows(int flags, byte[] states, byte[] removals) implements Message {
    public static final int FIRST = 1;
    public static final int LAST = 2;
  }

  /** Asks the peer for a {@link Pong}: sent after a heartbeat interval of silence. */
  record Ping() implements Message {}

  /** Answers a {@link Ping}. */
  record Pong() implements Message {}

  /**
   * The sender closes the session.
   *
   * @param code why
   * @param message what was wrong, for the receiver's log
   */
  record Bye(CloseReason.Code code, String message) implements Message {}
}
