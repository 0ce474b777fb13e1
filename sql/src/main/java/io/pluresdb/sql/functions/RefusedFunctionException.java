package io.pluresdb.sql.functions;

/** A call of a function the driver refuses to run ({@link Refused}); its SQLState is 42501. */
public final class RefusedFunctionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String reason;

  RefusedFunctionException(String reason) {
    super(reason);
    this.reason = reason;
  }

  /** The function and why it is refused. */
  public String reason() {
    return reason;
  }
}
