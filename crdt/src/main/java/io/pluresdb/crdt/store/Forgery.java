package io.pluresdb.crdt.store;

/**
 * Thrown inside a remote apply when a transaction's content contradicts what the log holds (see
 * {@link HistoryCheck}); it unwinds the call, which rolls back whole, and the store turns it into
 * its {@link ApplyResult.Forged} value.
 */
final class Forgery extends RuntimeException {
  private static final long serialVersionUID = 1L;

  @SuppressWarnings("serial") // never serialized: caught inside the store
  private final ApplyResult.Forged forged;

  Forgery(ApplyResult.Forged forged) {
    super(forged.message(), null, false, false);
    this.forged = forged;
  }

  ApplyResult.Forged forged() {
    return forged;
  }
}
