package io.pluresdb.engine.vector;

import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.sql.vector.FunctionErrors;
import io.pluresdb.vector.Distances;
import io.pluresdb.vector.VectorCodec;
import io.pluresdb.vector.VectorException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.function.ToDoubleBiFunction;
import org.sqlite.Function;
import org.sqlite.core.Codes;

/**
 * The vector functions inside SQLite, registered on every store connection so that a query using
 * them is pushed down as one statement. Arguments are {@code VECTOR} column values (float32 BLOBs)
 * or text {@code '[1,2,3]'}; a NULL argument gives NULL; vectors of different dimensions or text
 * that is not a vector fail with 22000 or 22P02 (see {@link FunctionErrors}).
 */
public final class SqliteVectorFunctions {
  private SqliteVectorFunctions() {}

  /** Registers the functions on a freshly opened SQLite connection. */
  public static void register(Connection sqlite) throws SQLException {
    distance(sqlite, "cosine_distance", Distances::cosineDistance);
    distance(sqlite, "l2_distance", Distances::l2Distance);
    distance(sqlite, "inner_product", Distances::innerProduct);
    distance(sqlite, "vector_similarity", Distances::similarity);
    Function.create(sqlite, "vector_dims", new Dims(), 1, Function.FLAG_DETERMINISTIC);
  }

  private static void distance(
      Connection sqlite, String name, ToDoubleBiFunction<float[], float[]> f) throws SQLException {
    Function.create(sqlite, name, new Binary(name, f), 2, Function.FLAG_DETERMINISTIC);
  }

  private static SQLException failure(String name, VectorException e) {
    SqlState state =
        e.reason() == VectorException.Reason.DIMENSIONS
            ? SqlState.DATA_EXCEPTION
            : SqlState.INVALID_TEXT_REPRESENTATION;
    return new SQLException(
        FunctionErrors.encode(state, name + ": " + e.getMessage()), state.code(), e);
  }

  /**
   * A SQLite function of vectors; each instance belongs to one connection. It keeps the last value
   * of each argument decoded: a query vector is the same bytes (or text) on every row of a
   * statement, so it is decoded once instead of once per row. Not thread-safe: SQLite calls it on
   * its connection's thread only.
   */
  private abstract static class VectorFunction extends Function {
    private final Object[] lastRaw = new Object[2];
    private final float[][] lastVector = new float[2][];

    /** Reads argument {@code i} as a vector, or null for SQL NULL. */
    float[] vector(int i, String name) throws SQLException {
      Object raw =
          switch (value_type(i)) {
            case Codes.SQLITE_NULL -> null;
            case Codes.SQLITE_BLOB -> value_blob(i);
            case Codes.SQLITE_TEXT -> value_text(i);
            default ->
                throw new SQLException(
                    FunctionErrors.encode(
                        SqlState.DATATYPE_MISMATCH,
                        "argument "
                            + (i + 1)
                            + " of "
                            + name
                            + " is not a vector: "
                            + value_text(i)),
                    SqlState.DATATYPE_MISMATCH.code());
          };
      if (raw == null) {
        return null;
      }
      if (sameAsLast(i, raw)) {
        return lastVector[i];
      }
      float[] v =
          raw instanceof byte[] bytes
              ? VectorCodec.fromBytes(bytes)
              : VectorCodec.parse((String) raw);
      lastRaw[i] = raw;
      lastVector[i] = v;
      return v;
    }

    private boolean sameAsLast(int i, Object raw) {
      Object last = lastRaw[i];
      if (raw instanceof byte[] bytes) {
        return last instanceof byte[] lastBytes && Arrays.equals(bytes, lastBytes);
      }
      return raw.equals(last);
    }
  }

  /** A function of two vectors to a number; not thread-safe (SQLite calls it per connection). */
  private static final class Binary extends VectorFunction {
    private final String name;
    private final ToDoubleBiFunction<float[], float[]> f;

    Binary(String name, ToDoubleBiFunction<float[], float[]> f) {
      this.name = name;
      this.f = f;
    }

    @Override
    protected void xFunc() throws SQLException {
      try {
        float[] a = vector(0, name);
        float[] b = vector(1, name);
        if (a == null || b == null) {
          result();
        } else {
          result(f.applyAsDouble(a, b));
        }
      } catch (VectorException e) {
        throw failure(name, e);
      }
    }
  }

  /** {@code vector_dims(v)}. */
  private static final class Dims extends VectorFunction {
    @Override
    protected void xFunc() throws SQLException {
      try {
        float[] v = vector(0, "vector_dims");
        if (v == null) {
          result();
        } else {
          result(v.length);
        }
      } catch (VectorException e) {
        throw failure("vector_dims", e);
      }
    }
  }
}
