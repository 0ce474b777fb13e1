package io.pluresdb.sql.catalog;

import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.crdt.schema.ViewDef;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A collection or a view as the validator sees it: its declared columns only (the hidden {@code
 * _id} and clock columns never appear). Immutable.
 *
 * <p>When a statement names SQLite's rowid (see {@link #ROWID_NAMES}), the tables of its catalog
 * also carry the pseudo-columns {@code rowid}, {@code _rowid_} and {@code oid} (each one unless a
 * declared column has that name: a real column wins, as in SQLite), after the declared columns; the
 * validator leaves them out of {@code *}. They unparse as themselves, so SQLite answers: for a
 * table whose key is one integer column that column, else the rowid of the materialized row, which
 * is local to this node (another node numbers its copy of the row its own way).
 */
public final class CollectionTable extends AbstractTable {
  private final String name;
  private final List<ColumnDef> columns;
  private final TableDef table;
  private final ViewDef view;
  private final List<String> pseudo;

  /** SQLite's names for a row's rowid, in lower case. */
  public static final List<String> ROWID_NAMES = List.of("rowid", "_rowid_", "oid");

  private CollectionTable(
      String name, List<ColumnDef> columns, TableDef table, ViewDef view, List<String> pseudo) {
    this.name = name;
    this.columns = columns;
    this.table = table;
    this.view = view;
    this.pseudo = pseudo;
  }

  static CollectionTable of(TableDef table, boolean rowids) {
    List<String> pseudo = new java.util.ArrayList<>();
    if (rowids) {
      for (String n : ROWID_NAMES) {
        if (table.columns().stream().noneMatch(c -> c.name().equalsIgnoreCase(n))) {
          pseudo.add(n);
        }
      }
    }
    return new CollectionTable(table.name(), table.columns(), table, null, List.copyOf(pseudo));
  }

  static CollectionTable of(ViewDef view) {
    return new CollectionTable(view.name(), view.columns(), null, view, List.of());
  }

  /** True when {@code column} is a rowid pseudo-column of this table, not a declared column. */
  public boolean isPseudo(String column) {
    return pseudo.contains(column);
  }

  public String name() {
    return name;
  }

  /** The table definition, or null for a view. */
  public TableDef table() {
    return table;
  }

  /** The view definition, or null for a table. */
  public ViewDef view() {
    return view;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder b = typeFactory.builder();
    for (ColumnDef c : columns) {
      b.add(c.name(), TypeMapping.toRelType(typeFactory, c));
    }
    for (String p : pseudo) {
      b.add(p, typeFactory.createSqlType(org.apache.calcite.sql.type.SqlTypeName.BIGINT));
    }
    return b.build();
  }

  @Override
  public Schema.TableType getJdbcTableType() {
    return view == null ? Schema.TableType.TABLE : Schema.TableType.VIEW;
  }
}
