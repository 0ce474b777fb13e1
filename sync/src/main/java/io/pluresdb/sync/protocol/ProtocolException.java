package io.pluresdb.sync.protocol;

/**
 * Input that ends a session (a malformed frame, a refused hello): carries the reason for the peer.
 */
public final class ProtocolException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient CloseReason reason;

  public ProtocolException(CloseReason.Code code, String message) {
    // expected input errors, raised often under hostile input: a stack trace would only cost time
    super(message, null, false, false);
    this.reason = new CloseReason(code, message);
  }

  public CloseReason reason() {
    return reason;
  }
}
