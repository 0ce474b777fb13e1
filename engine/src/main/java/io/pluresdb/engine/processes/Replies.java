package io.pluresdb.engine.processes;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.engine.api.BatchResult;
import io.pluresdb.engine.api.Cursor;
import io.pluresdb.engine.api.ListCursor;
import io.pluresdb.engine.api.Result;
import io.pluresdb.sql.read.ColumnMeta;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The owner's replies on the wire: an update count (with generated keys), rows, a batch's counts,
 * done, or a failure with its SQLState. Rows are read whole on the owner, so a forwarded statement
 * holds nothing open there between requests.
 *
 * <p>Stateless; thread-safe.
 */
final class Replies {
  static final int DONE = 'K';
  static final int COUNT = 'N';
  static final int ROWS = 'Q';
  static final int BATCH = 'S';
  static final int FAILED = 'F';

  private Replies() {}

  static Wire.Frame result(Result r) throws IOException, SQLException {
    if (r instanceof Result.Count c) {
      Wire.Frame f = new Wire.Frame(COUNT);
      f.writeLong(c.count());
      writeOptionalRows(f, c.generatedKeys());
      return f;
    }
    Wire.Frame f = new Wire.Frame(ROWS);
    writeRows(f, ((Result.Rows) r).cursor());
    return f;
  }

  static Wire.Frame batch(BatchResult r) throws IOException, SQLException {
    Wire.Frame f = new Wire.Frame(BATCH);
    writeCounts(f, r.counts());
    writeOptionalRows(f, r.generatedKeys());
    return f;
  }

  static Wire.Frame failure(SQLException e) throws IOException {
    Wire.Frame f = new Wire.Frame(FAILED);
    Wire.writeString(f, e.getSQLState() == null ? SqlState.INTERNAL_ERROR.code() : e.getSQLState());
    Wire.writeString(f, e.getMessage() == null ? e.toString() : e.getMessage());
    f.writeInt(e.getErrorCode());
    long[] counts = e instanceof BatchUpdateException b ? b.getLargeUpdateCounts() : null;
    f.writeBoolean(counts != null);
    if (counts != null) {
      writeCounts(f, counts);
    }
    return f;
  }

  /** The reply to a request as a result, or its failure thrown. */
  @SuppressWarnings("NullAway") // Result.Count and BatchResult take null for "no keys asked"
  static Result readResult(DataInputStream in) throws IOException, SQLException {
    int op = expect(in, COUNT, ROWS);
    if (op == COUNT) {
      long count = in.readLong();
      return new Result.Count(count, readOptionalRows(in));
    }
    return new Result.Rows(readRows(in));
  }

  @SuppressWarnings("NullAway") // as above
  static BatchResult readBatch(DataInputStream in) throws IOException, SQLException {
    expect(in, BATCH, BATCH);
    long[] counts = readCounts(in);
    return new BatchResult(counts, readOptionalRows(in));
  }

  static void readDone(DataInputStream in) throws IOException, SQLException {
    expect(in, DONE, DONE);
  }

  /** Reads the reply's op; a failure is rethrown here as the owner raised it. */
  private static int expect(DataInputStream in, int one, int other)
      throws IOException, SQLException {
    int op = in.read();
    if (op == FAILED) {
      String state = Wire.readString(in);
      String message = Wire.readString(in);
      int code = in.readInt();
      if (in.readBoolean()) {
        long[] counts = readCounts(in);
        SQLException row = Errors.ofCode(state, message);
        throw new BatchUpdateException(message, state, code, counts, row);
      }
      throw Errors.ofCode(state, message);
    }
    if (op != one && op != other) {
      throw new Wire.Malformed("reply " + op);
    }
    return op;
  }

  private static void writeCounts(DataOutputStream out, long[] counts) throws IOException {
    out.writeInt(counts.length);
    for (long c : counts) {
      out.writeLong(c);
    }
  }

  private static long[] readCounts(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > in.available() / 8) {
      throw new Wire.Malformed("a batch of " + n + " counts past the frame");
    }
    long[] counts = new long[n];
    for (int i = 0; i < n; i++) {
      counts[i] = in.readLong();
    }
    return counts;
  }

  private static void writeOptionalRows(DataOutputStream out, @Nullable Cursor c)
      throws IOException, SQLException {
    out.writeBoolean(c != null);
    if (c != null) {
      writeRows(out, c);
    }
  }

  private static @Nullable Cursor readOptionalRows(DataInputStream in) throws IOException {
    return in.readBoolean() ? readRows(in) : null;
  }

  /** Writes every row of {@code c} and closes it. */
  static void writeRows(DataOutputStream out, Cursor c) throws IOException, SQLException {
    try (c) {
      if (c.unbounded()) {
        throw Errors.of(
            SqlState.FEATURE_NOT_SUPPORTED,
            "a live query cannot be forwarded to the owning process");
      }
      List<ColumnMeta> columns = c.columns();
      out.writeInt(columns.size());
      for (ColumnMeta m : columns) {
        Wire.writeString(out, m.label());
        Wire.writeString(out, m.name());
        Wire.writeString(out, m.table());
        Wire.writeString(out, m.type().name());
        out.writeInt(m.precision());
        out.writeInt(m.scale());
        out.writeBoolean(m.nullable());
        out.writeBoolean(m.autoIncrement());
        out.writeBoolean(m.dynamic());
      }
      while (c.next()) {
        out.writeBoolean(true);
        for (int i = 1; i <= columns.size(); i++) {
          Wire.writeValue(out, c.get(i));
        }
      }
      out.writeBoolean(false);
    }
  }

  static Cursor readRows(DataInputStream in) throws IOException {
    int n = Wire.readCount(in);
    List<ColumnMeta> columns = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String label = Wire.readString(in);
      String name = Wire.readString(in);
      String table = Wire.readString(in);
      ColumnType type;
      try {
        type = ColumnType.valueOf(Wire.readString(in));
      } catch (IllegalArgumentException e) {
        throw new Wire.Malformed("column type: " + e.getMessage());
      }
      columns.add(
          new ColumnMeta(
              label,
              name,
              table,
              type,
              in.readInt(),
              in.readInt(),
              in.readBoolean(),
              in.readBoolean(),
              in.readBoolean()));
    }
    List<Object[]> rows = new ArrayList<>();
    while (in.readBoolean()) {
      Object[] row = new Object[n];
      for (int i = 0; i < n; i++) {
        row[i] = Wire.readValue(in);
      }
      rows.add(row);
    }
    return new ListCursor(columns, rows);
  }
}
