package io.pluresdb.sql.write;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.sql.calcite.CalciteErrors;
import io.pluresdb.sql.catalog.CalciteCatalogs;
import io.pluresdb.sql.lenient.IndexHints;
import java.sql.SQLException;
import java.util.List;
import org.apache.calcite.runtime.CalciteException;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlTableRef;

/** Resolves the table and columns a write names, with the errors SQL users expect. */
public final class Targets {
  private Targets() {}

  /** The table an identifier names: 42P01 if none, 42809 if it is a view. */
  public static TableDef table(Catalog catalog, SqlNode target) throws SQLException {
    if (target instanceof SqlTableRef ref) {
      // INDEXED BY (checked, as SQLite does), NOT INDEXED or optimizer hints: the table is the name
      try {
        IndexHints.check(ref, catalog);
      } catch (CalciteException e) {
        throw CalciteErrors.map(e);
      }
      return table(catalog, ref.operand(0));
    }
    List<String> names = ((SqlIdentifier) target).names;
    String name = names.get(names.size() - 1);
    if (names.size() > 2
        || (names.size() == 2 && !names.get(0).equalsIgnoreCase(CalciteCatalogs.MAIN))) {
      throw Errors.of(SqlState.UNDEFINED_TABLE, "table '" + target + "' does not exist");
    }
    TableDef t = table(catalog, name);
    if (t == null) {
      if (catalog.views().containsKey(name)) {
        throw Errors.of(
            SqlState.WRONG_OBJECT_TYPE, "'" + name + "' is a view and cannot be written");
      }
      throw Errors.of(SqlState.UNDEFINED_TABLE, "table '" + name + "' does not exist");
    }
    return t;
  }

  /** The table of that name (exact, else ignoring case), or null. */
  public static TableDef table(Catalog catalog, String name) {
    TableDef t = catalog.table(name);
    if (t != null) {
      return t;
    }
    for (TableDef d : catalog.tables().values()) {
      if (d.name().equalsIgnoreCase(name)) {
        return d;
      }
    }
    return null;
  }

  /** The declared index of a column: 42703 naming column and table if there is none. */
  public static int column(TableDef table, String name) throws SQLException {
    int i = table.columnIndex(name);
    if (i >= 0) {
      return i;
    }
    for (int c = 0; c < table.columns().size(); c++) {
      if (table.columns().get(c).name().equalsIgnoreCase(name)) {
        return c;
      }
    }
    throw Errors.of(
        SqlState.UNDEFINED_COLUMN,
        "column '" + name + "' of table '" + table.name() + "' does not exist");
  }

  /** The declared index of the column a target-list identifier names. */
  public static int column(TableDef table, SqlNode identifier) throws SQLException {
    List<String> names = ((SqlIdentifier) identifier).names;
    return column(table, names.get(names.size() - 1));
  }

  /**
   * The declared index of a column a statement writes ({@code verb}: "INSERT into", "UPDATE"):
   * 428C9 for a generated column, whose value only its expression gives.
   */
  public static int writable(TableDef table, SqlNode identifier, String verb) throws SQLException {
    int c = column(table, identifier);
    if (table.columns().get(c).generated()) {
      throw Errors.of(
          SqlState.GENERATED_ALWAYS,
          "cannot "
              + verb
              + " generated column '"
              + table.columns().get(c).name()
              + "' of table '"
              + table.name()
              + "': its value is computed from the row");
    }
    return c;
  }
}
