package io.pluresdb.engine.session;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.engine.api.Cursor;
import io.pluresdb.sql.parser.ddl.TypeDecl;
import io.pluresdb.sql.parser.ddl.TypeNames;
import io.pluresdb.sql.read.ColumnMeta;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The result columns of a statement on TEMP objects (see {@link TempObjects}), read from SQLite's
 * description of it. A column of a table keeps its declared type, read as DDL reads type words
 * ({@code INTEGER}, {@code VARCHAR(10)}, {@code DATETIME}, {@code UNSIGNED BIG INT}); an
 * expression, and a column declared without a type, keep each value's storage class, as an {@code
 * ANY} column does (SQLite's driver calls both {@code NUMERIC}, as it does a declared {@code
 * NUMERIC}, whose values SQLite stores as integers or reals anyway). The store's hidden columns of
 * a replicated table, its row clock and hidden id, which {@code SELECT *} over it would show, are
 * left out.
 */
final class TempColumns {
  /** The store's hidden per-row clock column in every replicated table. */
  private static final String CLOCK = "_clk";

  private static final Set<String> HIDDEN = Set.of(CLOCK, TableDef.HIDDEN_ID);

  private TempColumns() {}

  /**
   * The positions (from 1) of SQLite's {@code count} columns that the statement shows: all but the
   * hidden columns of tables that are not TEMP tables (named in {@code temps}, lower case).
   */
  static int[] visible(ResultSetMetaData md, int count, Set<String> temps) throws SQLException {
    List<Integer> shown = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      String table = md.getTableName(i);
      boolean hidden =
          table != null
              && !table.isEmpty()
              && !temps.contains(table.toLowerCase(Locale.ROOT))
              && HIDDEN.contains(md.getColumnName(i));
      if (!hidden) {
        shown.add(i);
      }
    }
    return shown.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The columns at {@code positions}, typed as the class comment says. */
  static List<ColumnMeta> describe(ResultSetMetaData md, int[] positions) throws SQLException {
    List<ColumnMeta> columns = new ArrayList<>(positions.length);
    for (int i : positions) {
      String table = md.getTableName(i);
      String declared = md.getColumnTypeName(i);
      ColumnType type = ColumnType.ANY;
      if (table != null && !table.isEmpty() && declared != null) {
        type = declaredType(declared);
      }
      ColumnMeta c =
          new ColumnMeta(md.getColumnLabel(i), md.getColumnName(i), "", type, 0, 0, true, false);
      columns.add(type == ColumnType.ANY ? c.asDynamic() : c);
    }
    return columns;
  }

  /**
   * The plan's columns at the positions shown, in a list of all {@code count} of SQLite's columns
   * (the hidden ones read as they are, never shown). The plan's, not the open result's: once a row
   * is read, SQLite's driver types a column declared without a type by its value.
   */
  static List<ColumnMeta> spread(List<ColumnMeta> planned, int[] shown, int count) {
    List<ColumnMeta> all = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      all.add(ColumnMeta.of("", ColumnType.ANY).asDynamic());
    }
    for (int k = 0; k < shown.length && k < planned.size(); k++) {
      all.set(shown[k] - 1, planned.get(k));
    }
    return all;
  }

  /** A declared type's words (without a length) as DDL reads them; NUMERIC is taken as ANY. */
  static ColumnType declaredType(String declared) {
    int paren = declared.indexOf('(');
    String words = (paren < 0 ? declared : declared.substring(0, paren)).strip();
    if (words.isEmpty() || words.equalsIgnoreCase("NUMERIC")) {
      return ColumnType.ANY;
    }
    TypeDecl decl = TypeNames.resolve(words, 0, 0, false);
    return decl == null ? ColumnType.ANY : decl.type();
  }

  /** A cursor over {@code inner} showing its columns at {@code positions} (from 1) only. */
  static Cursor project(Cursor inner, List<ColumnMeta> columns, int[] positions) {
    return new Cursor() {
      @Override
      public List<ColumnMeta> columns() {
        return columns;
      }

      @Override
      public boolean next() throws SQLException {
        return inner.next();
      }

      @Override
      public Object get(int column) throws SQLException {
        if (column < 1 || column > positions.length) {
          throw Errors.of(
              SqlState.INVALID_DESCRIPTOR_INDEX,
              "column " + column + " is out of range 1.." + positions.length);
        }
        return inner.get(positions[column - 1]);
      }

      @Override
      public void cancel() {
        inner.cancel();
      }

      @Override
      public void close() throws SQLException {
        inner.close();
      }
    };
  }
}
