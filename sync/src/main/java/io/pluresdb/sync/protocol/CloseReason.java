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
     * A transaction's authorship does not hold: its signature, a key claiming another node's id,
     * one transaction id with two contents. Last, because the wire sends codes by position.
     */
    FORGED
  }
}
