package io.pluresdb.sync.protocol;

/**
 * Why a session ended, as logged locally and sent to the peer.
 *
 * @param code the kind of ending
 * @param message a human-readable reason naming what was wrong
 */
public record CloseReason(Code code, String message) {
  /** Kinds of ending; the transport maps them to WebSocket close codes. */
  public enum Code {
    NORMAL,
    AUTH_FAILED,
    WRONG_DATABASE,
    UNSUPPORTED_VERSION,
    MALFORMED,
    TOO_LARGE,
    CLOCK_DRIFT,
    FORBIDDEN,
    TIMEOUT,
    INTERNAL,
    /**
     * More of the peer's transactions are parked (cannot be applied yet) than the bound allows
     * ({@link SyncConfig#maxParkedPerPeer}); what was received stays parked.
     */
    TOO_MANY_PARKED,
    /**
     * A transaction's authorship does not hold: its signature, a key claiming another node's id,
     * one transaction id with two contents.
     */
    FORGED,
    /**
     * The node serves as many sessions as it is allowed to; the peer tries again later. Last,
     * because the wire sends codes by position.
     */
    BUSY
  }
}
