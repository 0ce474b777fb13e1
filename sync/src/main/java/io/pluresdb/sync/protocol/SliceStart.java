package io.pluresdb.sync.protocol;

import io.pluresdb.crdt.store.Store;
import io.pluresdb.sync.auth.PolicyAgent.Principal;
import io.pluresdb.sync.scope.Scope;
import io.pluresdb.sync.scope.ScopeStatements;
import org.jspecify.annotations.Nullable;

/**
 * Whether a serving node sends a client rows rather than transactions: when the client declared
 * scopes, or acts for a user (held to read policies, of tables that have them now or later).
 *
 * <p>Stateless.
 */
final class SliceStart {
  private SliceStart() {}

  /** The sender of the client's slice, or null when it is sent the whole database. */
  static @Nullable SliceStreamer of(
      Message.Hello h, Principal who, Store store, SyncConfig config, Wire wire)
      throws ProtocolException {
    if (h.scopes().isEmpty() && who.user() == null) {
      return null;
    }
    for (Scope s : h.scopes()) {
      String wrong = s.where() == null ? null : ScopeStatements.unfit(s.where());
      if (wrong != null) {
        throw new ProtocolException(
            CloseReason.Code.MALFORMED, "the condition of scope " + s.name() + " " + wrong);
      }
    }
    return new SliceStreamer(store, config, wire, who, h.scopes(), h.node(), h.versionVector());
  }
}
