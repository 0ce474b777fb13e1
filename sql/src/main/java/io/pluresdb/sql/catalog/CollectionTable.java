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
 */
public final class CollectionTable extends AbstractTable {
  private final String name;
  private final List<ColumnDef> columns;
  private final TableDef table;
  private final ViewDef view;

  private CollectionTable(String name, List<ColumnDef> columns, TableDef table, ViewDef view) {
    this.name = name;
    this.columns = columns;
    this.table = table;
    this.view = view;
  }

  static CollectionTable of(TableDef table) {
    return new CollectionTable(table.name(), table.columns(), table, null);
  }

  static CollectionTable of(ViewDef view) {
    return new CollectionTable(view.name(), view.columns(), null, view);
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
    return b.build();
  }

  @Override
  public Schema.TableType getJdbcTableType() {
    return view == null ? Schema.TableType.TABLE : Schema.TableType.VIEW;
  }
}
