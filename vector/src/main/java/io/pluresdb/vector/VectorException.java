package io.pluresdb.vector;

/**
 * A vector that cannot be used as asked: dimensions that differ, or text that is not a vector. The
 * modules above map the {@link Reason} to a SQLState.
 */
public final class VectorException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Why the vector was refused. */
  public enum Reason {
    /** Two vectors, or a vector and its column, differ in dimension. */
    DIMENSIONS,
    /** Text or bytes that do not form a vector. */
    FORMAT
  }

  private final Reason reason;

  public VectorException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
