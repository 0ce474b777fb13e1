package io.pluresdb.crdt.store;

import io.pluresdb.crdt.op.ByteSink;
import io.pluresdb.crdt.op.ByteSource;
import io.pluresdb.crdt.op.ValueCodec;
import io.pluresdb.crdt.value.Values;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Entity keys in their three forms: the values of the key columns, bound to a statement by the
 * columns' types; their canonical form (coerced to those types, so that a key received as a long
 * and one written as an int name the same entity); and their bytes, the key of {@code _pl_tomb}.
 *
 * <p>Stateless.
 */
final class Keys {
  private Keys() {}

  /** The key coerced to the table's key column types. */
  static Object[] canonical(TableSql t, Object[] key) throws SQLException {
    Object[] k = new Object[key.length];
    for (int i = 0; i < key.length; i++) {
      k[i] = Values.coerce(key[i], t.keyTypes[i]);
    }
    return k;
  }

  /** The key's bytes: its values in the operation codec, one after another. */
  static byte[] bytes(Object[] key) {
    ByteSink out = new ByteSink(32);
    for (Object k : key) {
      ValueCodec.write(out, k);
    }
    return out.toByteArray();
  }

  /** The inverse of {@link #bytes}. */
  static Object[] decode(byte[] bytes) {
    ByteSource in = new ByteSource(bytes);
    List<Object> key = new ArrayList<>();
    while (in.hasMore()) {
      key.add(ValueCodec.read(in));
    }
    return key.toArray();
  }

  /** Binds the key to parameters {@code from}, {@code from + 1}, ... of {@code ps}. */
  static void bind(PreparedStatement ps, int from, TableSql t, Object[] key) throws SQLException {
    for (int i = 0; i < key.length; i++) {
      Values.bind(ps, from + i, key[i], t.keyTypes[i]);
    }
  }
}
