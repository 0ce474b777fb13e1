package io.pluresdb.sync.protocol;

import io.pluresdb.crdt.op.ByteSink;
import io.pluresdb.crdt.op.ByteSource;
import io.pluresdb.sync.scope.Scope;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of frames that partial sync adds (see {@link MessageCodec}): a hello's scopes (a count,
 * then per scope its name, table and condition, an empty condition for none) and a {@link
 * Message.Rows} (its flags, then its two row-state batches as length-prefixed bytes).
 *
 * <p>Stateless.
 */
final class SliceCodec {
  private SliceCodec() {}

  static void writeScopes(ByteSink out, List<Scope> scopes) {
    out.varint(scopes.size());
    for (Scope s : scopes) {
      out.string(s.name());
      out.string(s.table());
      out.string(s.where() == null ? "" : s.where());
    }
  }

  static List<Scope> readScopes(ByteSource in) {
    int n = in.length();
    List<Scope> scopes = new ArrayList<>(Math.min(n, 64));
    for (int i = 0; i < n; i++) {
      String name = in.string();
      String table = in.string();
      String where = in.string();
      scopes.add(new Scope(name, table, where.isEmpty() ? null : where));
    }
    return scopes;
  }

  static void writeRows(ByteSink out, Message.Rows r) {
    out.write(r.flags());
    out.bytes(r.states());
    out.bytes(r.removals());
  }

  static Message.Rows readRows(ByteSource in) throws ProtocolException {
    int flags = in.read();
    if (flags > 3) {
      throw new ProtocolException(
          CloseReason.Code.MALFORMED, "rows flags are " + flags + ", expected 0 to 3");
    }
    return new Message.Rows(flags, in.bytes(), in.bytes());
  }
}
