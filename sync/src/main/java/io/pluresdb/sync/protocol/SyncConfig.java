package io.pluresdb.sync.protocol;

import io.pluresdb.sync.auth.PermissiveAgent;
import io.pluresdb.sync.auth.PolicyAgent;
import io.pluresdb.sync.scope.ScopeSet;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link PeerSession} behaves: what it presents, whom it admits, and the limits that keep a
 * session's memory and frames bounded.
 *
 * @param token the credential a client presents in its hello, or null
 * @param agent who may connect, read and write (a server admits clients through it)
 * @param minVersion the oldest protocol version spoken
 * @param maxVersion the newest protocol version spoken
 * @param maxFrameBytes frames larger than this are refused (TOO_LARGE); also the largest batch sent
 * @param batchMaxTransactions at most this many transactions per batch
 * @param batchMaxBytes a batch stops growing once its records reach this many bytes (a single
 *     larger transaction still goes alone, if it fits in a frame)
 * @param window at most this many batches sent and not yet acknowledged
 * @param heartbeatInterval a Ping is sent after this long without sending anything
 * @param idleTimeout the session closes (TIMEOUT) after this long without hearing from the peer
 * @param maxParkedPerPeer the session closes (TOO_MANY_PARKED) when a batch it received leaves more
 *     than this many of the peer's transactions parked (unable to apply yet)
 * @param clock time for heartbeats, timeouts and status; tests inject their own
 * @param rowStatesFromBytes a serving node sends a new peer (one holding nothing but its own
 *     writes) a snapshot of row states rather than its whole log once its database file holds at
 *     least this many bytes of pages in use (see {@link CatchUp}); {@code Long.MAX_VALUE} never
 *     does unless the peer is behind this node's history horizon
 * @param scopes the part of the database this node holds, sent in its hello; a node whose copy is
 *     partial serves no peer
 */
public record SyncConfig(
    String token,
    PolicyAgent agent,
    int minVersion,
    int maxVersion,
    int maxFrameBytes,
    int batchMaxTransactions,
    int batchMaxBytes,
    int window,
    Duration heartbeatInterval,
    Duration idleTimeout,
    int maxParkedPerPeer,
    Clock clock,
    long rowStatesFromBytes,
    ScopeSet scopes) {

  public SyncConfig {
    Objects.requireNonNull(scopes, "scopes");
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(clock, "clock");
    if (minVersion < 1 || minVersion > maxVersion) {
      throw new IllegalArgumentException(
          "protocol version range [" + minVersion + ", " + maxVersion + "] is empty");
    }
    if (maxFrameBytes < 64
        || batchMaxTransactions < 1
        || batchMaxBytes < 1
        || window < 1
        || maxParkedPerPeer < 1
        || rowStatesFromBytes < 0) {
      throw new IllegalArgumentException(
          "frame, batch, window and parked limits must be positive (frames at least 64 bytes)");
    }
    if (idleTimeout.compareTo(heartbeatInterval) <= 0) {
      throw new IllegalArgumentException(
          "idle timeout "
              + idleTimeout
              + " must exceed the heartbeat interval "
              + heartbeatInterval);
    }
  }

  /** The default of {@link #maxParkedPerPeer}. */
  public static final int DEFAULT_MAX_PARKED = 10_000;

  /** The defaults: no token, everyone admitted, protocol version 1, 16 MiB frames. */
  public static SyncConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from {@code this}. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.token = token;
    b.agent = agent;
    b.minVersion = minVersion;
    b.maxVersion = maxVersion;
    b.maxFrameBytes = maxFrameBytes;
    b.batchMaxTransactions = batchMaxTransactions;
    b.batchMaxBytes = batchMaxBytes;
    b.window = window;
    b.heartbeatInterval = heartbeatInterval;
    b.idleTimeout = idleTimeout;
    b.maxParkedPerPeer = maxParkedPerPeer;
    b.clock = clock;
    b.rowStatesFromBytes = rowStatesFromBytes;
    b.scopes = scopes;
    return b;
  }

  /** Builds a {@link SyncConfig}; every part has a default. Not thread-safe. */
  public static final class Builder {
    private String token;
    private PolicyAgent agent = new PermissiveAgent();
    private ScopeSet scopes = new ScopeSet();
    private int minVersion = MessageCodec.MIN_VERSION;
    private int maxVersion = MessageCodec.MAX_VERSION;
    private int maxFrameBytes = 16 << 20;
    // a batch is applied holding the store's one writer, so it stays small enough (a few
    // thousand operations) that local writers wait milliseconds, not seconds
    private int batchMaxTransactions = 256;
    private int batchMaxBytes = 256 << 10;
    private int window = 4;
    private Duration heartbeatInterval = Duration.ofSeconds(10);
    private Duration idleTimeout = Duration.ofSeconds(30);
    // each parked record is kept in the store and re-checked whenever a transaction applies, so a
    // peer that sends what cannot apply is stopped well before that gets costly
    private int maxParkedPerPeer = DEFAULT_MAX_PARKED;
    private Clock clock = Clock.systemUTC();
    // below this a new node takes the whole log, and with it the history that time travel reads;
    // above it the snapshot is smaller than the log and merges without replaying every write
    private long rowStatesFromBytes = 1L << 20;

    private Builder() {}

    public Builder token(String t) {
      token = t;
      return this;
    }

    public Builder agent(PolicyAgent a) {
      agent = a;
      return this;
    }

    public Builder versions(int min, int max) {
      minVersion = min;
      maxVersion = max;
      return this;
    }

    public Builder maxFrameBytes(int n) {
      maxFrameBytes = n;
      return this;
    }

    public Builder batch(int maxTransactions, int maxBytes) {
      batchMaxTransactions = maxTransactions;
      batchMaxBytes = maxBytes;
      return this;
    }

    public Builder window(int unackedBatches) {
      window = unackedBatches;
      return this;
    }

    public Builder heartbeat(Duration interval, Duration timeout) {
      heartbeatInterval = interval;
      idleTimeout = timeout;
      return this;
    }

    public Builder maxParkedPerPeer(int n) {
      maxParkedPerPeer = n;
      return this;
    }

    public Builder clock(Clock c) {
      clock = c;
      return this;
    }

    public Builder rowStatesFromBytes(long bytes) {
      rowStatesFromBytes = bytes;
      return this;
    }

    public Builder scopes(ScopeSet s) {
      scopes = s;
      return this;
    }

    public SyncConfig build() {
      return new SyncConfig(
          token,
          agent,
          minVersion,
          maxVersion,
          maxFrameBytes,
          batchMaxTransactions,
          batchMaxBytes,
          window,
          heartbeatInterval,
          idleTimeout,
          maxParkedPerPeer,
          clock,
          rowStatesFromBytes,
          scopes);
    }
  }
}
