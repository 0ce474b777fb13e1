package io.pluresdb.sync.auth;

/** A policy whose admitted peers may read and write every collection: only admission differs. */
interface FullAccess extends PolicyAgent {
  @Override
  default boolean mayRead(Principal who, String collection) {
    return true;
  }

  @Override
  default boolean mayReadAll(Principal who) {
    return true;
  }

  @Override
  default boolean mayWrite(Principal who, String collection) {
    return true;
  }
}
