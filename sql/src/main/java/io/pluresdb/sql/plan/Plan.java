package io.pluresdb.sql.plan;

import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.schema.SchemaChange;
import io.pluresdb.sql.live.LiveQuery;
import io.pluresdb.sql.parser.dml.ConflictResolution;
import io.pluresdb.sql.read.ColumnMeta;
import io.pluresdb.sql.read.ReadPlan;
import io.pluresdb.sql.vector.VectorTopK;
import io.pluresdb.sql.write.WriteKind;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A planned statement of one kind. Immutable; shared between sessions through the cache. */
public sealed interface Plan extends Prepared {

  /** Whether executing it writes (and so needs a write transaction and a writable session). */
  default boolean writes() {
    return false;
  }

  /**
   * A query pushed down to SQLite as one statement.
   *
   * @param locks whether it ends in FOR UPDATE: in a transaction it takes the store's writer first
   * @param topK when an HNSW index may answer it, how (see {@link VectorTopK}); else null, and
   *     {@code read} is also the plan the index falls back to
   */
  record Query(String sql, ReadPlan read, boolean locks, VectorTopK topK) implements Plan {
    public Query(String sql, ReadPlan read) {
      this(sql, read, false, null);
    }

    public Query(String sql, ReadPlan read, boolean locks) {
      this(sql, read, locks, null);
    }

    @Override
    public boolean returnsRows() {
      return true;
    }

    @Override
    public List<ColumnMeta> columns() {
      return read.columns();
    }

    @Override
    public List<ColumnType> parameterTypes() {
      return read.parameterTypes();
    }
  }

  /** {@code EXPLAIN PLAN FOR}: the Calcite plan and the SQLite statement, one line per row. */
  record Explain(String sql, List<String> lines, List<ColumnType> parameterTypes) implements Plan {
    public Explain {
      lines = List.copyOf(lines);
      parameterTypes = List.copyOf(parameterTypes);
    }

    @Override
    public boolean returnsRows() {
      return true;
    }

    @Override
    public List<ColumnMeta> columns() {
      return List.of(ColumnMeta.of("PLAN", ColumnType.VARCHAR));
    }
  }

  /**
   * An INSERT, UPDATE or DELETE, turned into operations at execution.
   *
   * @param resolution what a constraint violation of a row does (SQLite's {@code OR} clause)
   * @param returning the RETURNING column names (all columns for {@code *}), or null
   * @param returningColumns their metadata; empty without RETURNING
   */
  record Write(
      String sql,
      WriteKind kind,
      List<String> returning,
      List<ColumnMeta> returningColumns,
      ConflictResolution resolution)
      implements Plan {
    public Write {
      returning = returning == null ? null : List.copyOf(returning);
      returningColumns = List.copyOf(returningColumns);
    }

    public Write(
        String sql, WriteKind kind, List<String> returning, List<ColumnMeta> returningColumns) {
      this(sql, kind, returning, returningColumns, ConflictResolution.ABORT);
    }

    public Write(String sql, WriteKind kind) {
      this(sql, kind, null, List.of());
    }

    /** This write with SQLite's conflict clause ({@code INSERT OR FAIL}, {@code UPDATE OR …}). */
    public Write resolving(ConflictResolution r) {
      return new Write(sql, kind, returning, returningColumns, r);
    }

    @Override
    public boolean writes() {
      return true;
    }

    @Override
    public boolean returnsRows() {
      return returning != null;
    }

    @Override
    public List<ColumnMeta> columns() {
      return returningColumns;
    }

    @Override
    public List<ColumnType> parameterTypes() {
      return kind.parameterTypes();
    }
  }

  /**
   * A schema change. {@code ifExists}/{@code ifNotExists} are resolved at execution against the
   * catalog of that moment, so a cached plan stays right.
   */
  record Ddl(
      String sql, SchemaChange change, boolean ifExists, boolean ifNotExists, @Nullable String fill)
      implements Command {
    /** A schema change with nothing to insert. */
    public Ddl(String sql, SchemaChange change, boolean ifExists, boolean ifNotExists) {
      this(sql, change, ifExists, ifNotExists, null);
    }

    @Override
    public boolean writes() {
      return true;
    }
  }

  /** {@code SET name = value}: a session setting (today {@code ef_search}). */
  record Setting(String sql, String name, String value) implements Command {}

  /**
   * Rows known when planning, for this catalog: SQLite's PRAGMAs answered from the catalog (see
   * {@code io.pluresdb.sql.pragma}). No columns means the statement returns no result set.
   */
  record Rows(String sql, List<ColumnMeta> columns, List<Object[]> rows) implements Plan {
    public Rows {
      columns = List.copyOf(columns);
      rows = List.copyOf(rows);
    }

    @Override
    public boolean returnsRows() {
      return !columns.isEmpty();
    }

    @Override
    public List<ColumnType> parameterTypes() {
      return List.of();
    }
  }

  /**
   * {@code SELECT NEXT VALUE FOR s} (or {@code VALUES NEXT VALUE FOR s}): one row, one column, a
   * fresh value of the sequence at each execution.
   */
  record SequenceValue(String sql, String sequence, String label) implements Plan {
    @Override
    public boolean returnsRows() {
      return true;
    }

    @Override
    public List<ColumnMeta> columns() {
      return List.of(new ColumnMeta(label, label, "", ColumnType.BIGINT, 19, 0, false, false));
    }

    @Override
    public List<ColumnType> parameterTypes() {
      return List.of();
    }
  }

  /**
   * A statement on the session's TEMP objects (see {@link TempRouting}): connection-local, run by
   * the session's own SQLite connection as written, never an operation of the log.
   *
   * @param columns the result columns SQLite reports for it; empty when it returns no rows
   */
  record Local(String sql, TempRouting.Kind kind, List<ColumnMeta> columns, int parameters)
      implements Plan {
    public Local {
      columns = List.copyOf(columns);
    }

    @Override
    public boolean returnsRows() {
      return !columns.isEmpty();
    }

    @Override
    public List<ColumnType> parameterTypes() {
      return java.util.Collections.nCopies(parameters, ColumnType.ANY);
    }
  }

  /** A statement without rows or parameters, executed for its effect (schema, session, channel). */
  sealed interface Command extends Plan permits Ddl, Setting, Transaction, Channel, Vacuum, Scope {
    @Override
    default boolean returnsRows() {
      return false;
    }

    @Override
    default List<ColumnMeta> columns() {
      return List.of();
    }

    @Override
    default List<ColumnType> parameterTypes() {
      return List.of();
    }
  }

  /**
   * BEGIN, COMMIT or ROLLBACK; or SAVEPOINT, RELEASE or ROLLBACK TO with the savepoint's name (null
   * for the others).
   */
  record Transaction(String sql, TxnCommand command, String savepoint) implements Command {
    public Transaction(String sql, TxnCommand command) {
      this(sql, command, null);
    }
  }

  /** Transaction control statements. */
  enum TxnCommand {
    BEGIN,
    COMMIT,
    ROLLBACK,
    SAVEPOINT,
    RELEASE,
    ROLLBACK_TO
  }

  /** {@code SUBSCRIBE <query>}: the query's rows, then its changes, as a never-ending cursor. */
  record Subscribe(String sql, LiveQuery query) implements Plan {
    @Override
    public boolean returnsRows() {
      return true;
    }

    @Override
    public List<ColumnMeta> columns() {
      List<ColumnMeta> c = new ArrayList<>(query.columns());
      c.add(ColumnMeta.of(LiveQuery.CHANGE, ColumnType.VARCHAR));
      c.add(ColumnMeta.of(LiveQuery.VERSION, ColumnType.BIGINT));
      return c;
    }

    @Override
    public List<ColumnType> parameterTypes() {
      return query.read().parameterTypes();
    }
  }

  /**
   * {@code LISTEN}, {@code UNLISTEN} or {@code NOTIFY}.
   *
   * @param channel the channel, or null for {@code UNLISTEN *}
   * @param payload the NOTIFY payload ("" when none), else null
   */
  record Channel(String sql, ChannelCommand command, String channel, String payload)
      implements Command {}

  /** The channel statements. */
  enum ChannelCommand {
    LISTEN,
    UNLISTEN,
    NOTIFY
  }

  /**
   * SQLite's {@code VACUUM}: the store's file rebuilt in place, or with {@code INTO} a consistent
   * copy written to a file.
   *
   * @param into the file to copy into, as written (relative to the working directory), or null
   */
  record Vacuum(String sql, String into) implements Command {}

  /** CREATE or DROP SCOPE: which rows this node asks its peers for, not a schema change. */
  record Scope(String sql) implements Command {}
}
