package io.pluresdb.crdt.store;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.op.OpEncoder;
import io.pluresdb.crdt.op.Operation;
import io.pluresdb.crdt.op.ReceivedTx;
import io.pluresdb.crdt.op.RecordSigner;
import io.pluresdb.crdt.op.Transaction;
import io.pluresdb.crdt.sign.NodeKey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Keys and records made by hand for authorship tests: what a forger (or a lying node) sends. */
final class Signers {
  private Signers() {}

  /** The key pair {@code s} signs with, read from its database file. */
  static NodeKey keyOf(Store s) throws SQLException {
    try (Connection c = s.openReader();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT (SELECT v FROM _pl_meta WHERE k='key_private'),"
                    + " (SELECT v FROM _pl_meta WHERE k='key_public')")) {
      rs.next();
      return NodeKey.restore(rs.getString(1), HexFormat.of().parseHex(rs.getString(2)));
    }
  }

  /** {@code tx} as a record signed by {@code key}, carrying the key if {@code announce}. */
  static ReceivedTx signed(Transaction tx, RecordSigner key, boolean announce) {
    OpEncoder enc = new OpEncoder();
    enc.begin(tx.id());
    tx.ops().forEach(enc::add);
    return ReceivedTx.decode(enc.finishSigned(tx.prev(), key, announce, null));
  }

  /** {@code tx} with the first value of each operation replaced by {@code value}. */
  static Transaction withValue(Transaction tx, Object value) {
    List<Operation> ops = new ArrayList<>();
    for (Operation op : tx.ops()) {
      Object[] values = op.values().clone();
      values[1] = value;
      ops.add(
          new Operation(
              op.id(),
              op.kind(),
              op.table(),
              op.key(),
              op.columns(),
              values,
              op.precursors(),
              null));
    }
    return new Transaction(tx.id(), tx.prev(), ops);
  }

  /** One kv insert by {@code node} at {@code id}, after {@code prev}. */
  static Transaction insert(OpId id, OpId prev, long k, String a) {
    OpId op = OpId.of(id.millis(), id.counter() + 1, id.node());
    return new Transaction(
        id,
        prev,
        List.of(
            new Operation(
                op,
                io.pluresdb.crdt.op.OpKind.INSERT,
                "kv",
                new Object[] {k},
                new String[] {"k", "a", "b", "c"},
                new Object[] {k, a, null, null},
                List.of(),
                null)));
  }

  /** Rows of {@code _pl_conflicts} of kind AUTHORSHIP: "node op: reason". */
  static List<String> refusals(Store s) throws SQLException {
    return Fixtures.dump(
        s,
        "SELECT entity || ' ' || op || ': ' || detail FROM _pl_conflicts WHERE kind='AUTHORSHIP'");
  }
}
