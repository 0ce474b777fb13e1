package io.pluresdb.crdt.store;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.feed.EntityChange;
import io.pluresdb.crdt.op.OpEncoder;
import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.SchemaChange;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The savepoints of a local write transaction. A SQLite savepoint rolls back the rows; each mark
 * also remembers how far the encoded operations, the change lists and the working catalog had got,
 * so that rolling back to it forgets the operations, changes and schema made since, and the commit
 * logs only what survived.
 *
 * <p>Not thread-safe: part of one {@link LocalWriteTxn}, used by the thread that holds it.
 */
final class SavepointMarks {
  private record Mark(int id, OpEncoder.Mark ops, int changes, int schema, Catalog catalog) {}

  private final Writer w;
  private final OpEncoder encoder;
  private final List<EntityChange> changes;
  private final List<SchemaChange> schemaChanges;
  private final Deque<Mark> marks = new ArrayDeque<>();
  private int counter;

  /** Marks of the transaction writing to {@code encoder} and the two lists. */
  SavepointMarks(
      Writer w, OpEncoder encoder, List<EntityChange> changes, List<SchemaChange> schemaChanges) {
    this.w = w;
    this.encoder = encoder;
    this.changes = changes;
    this.schemaChanges = schemaChanges;
  }

  /** Sets a mark; returns its id. */
  int mark() throws SQLException {
    int id = ++counter;
    w.exec("SAVEPOINT pl_m" + id);
    marks.push(new Mark(id, encoder.mark(), changes.size(), schemaChanges.size(), w.catalog()));
    return id;
  }

  /** Undoes everything since the mark, which stays set (as SQL's ROLLBACK TO leaves it). */
  void rollbackTo(int mark) throws SQLException {
    Mark m = find(mark);
    w.exec("ROLLBACK TO pl_m" + mark);
    while (marks.peek() != m) {
      marks.pop();
    }
    encoder.reset(m.ops());
    changes.subList(m.changes(), changes.size()).clear();
    schemaChanges.subList(m.schema(), schemaChanges.size()).clear();
    w.catalog(m.catalog());
  }

  /** Removes the mark and every mark set after it, keeping what they covered. */
  void release(int mark) throws SQLException {
    Mark m = find(mark);
    w.exec("RELEASE pl_m" + mark);
    while (marks.pop() != m) {
      // the marks set after this one are released with it
    }
  }

  private Mark find(int id) throws SQLException {
    for (Mark m : marks) {
      if (m.id() == id) {
        return m;
      }
    }
    throw Errors.of(SqlState.INVALID_TRANSACTION_STATE, "no savepoint mark " + id);
  }
}
