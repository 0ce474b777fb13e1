package io.pluresdb.planner.ddl;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.schema.SchemaChange;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.crdt.schema.ViewDef;
import io.pluresdb.planner.catalog.TypeMapping;
import io.pluresdb.planner.exec.ColumnMeta;
import io.pluresdb.planner.plan.Plan;
import io.pluresdb.planner.read.QueryCompiler;
import io.pluresdb.planner.sql.PlanningContext;
import io.pluresdb.planner.sql.SqliteDialect;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.schema.ColumnStrategy;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.ddl.SqlColumnDeclaration;
import org.apache.calcite.sql.ddl.SqlCreateTable;
import org.apache.calcite.sql.ddl.SqlCreateView;
import org.apache.calcite.sql.ddl.SqlDropTable;
import org.apache.calcite.sql.ddl.SqlDropView;
import org.apache.calcite.sql.dialect.AnsiSqlDialect;

/**
 * Turns DDL statements into {@link SchemaChange}s. DEFAULT and CHECK expressions are kept as
 * SQLite SQL text (the store evaluates them); a view keeps its query as SQL this planner reads
 * back, and its columns as validation derived them.
 */
public final class DdlPlanner {
  private final PlanningContext context;

  public DdlPlanner(PlanningContext context) {
    this.context = context;
  }

  /** The plan for a DDL node, or null if the node is not DDL this planner knows. */
  public Plan.Ddl plan(String sql, SqlNode node) throws SQLException {
    if (node instanceof SqlCreateTable create) {
      if (create.query != null) {
        throw Errors.unsupported("CREATE TABLE ... AS query");
      }
      return new Plan.Ddl(
          sql, new SchemaChange.CreateTable(table(create)), false, create.ifNotExists);
    }
    if (node instanceof SqlDropTable drop) {
      return new Plan.Ddl(sql, new SchemaChange.DropTable(name(drop.name)), drop.ifExists, false);
    }
    if (node instanceof SqlCreateView view) {
      return new Plan.Ddl(sql, new SchemaChange.CreateView(view(view)), false, false);
    }
    if (node instanceof SqlDropView drop) {
      return new Plan.Ddl(sql, new SchemaChange.DropView(name(drop.name)), drop.ifExists, false);
    }
    return null;
  }

  private TableDef table(SqlCreateTable create) throws SQLException {
    String name = name(create.name);
    List<ColumnDef> columns = new ArrayList<>();
    Set<String> primaryKey = new LinkedHashSet<>();
    List<List<String>> unique = new ArrayList<>();
    List<String> checks = new ArrayList<>();
    SqlNodeList list = create.columnList == null ? SqlNodeList.EMPTY : create.columnList;
    for (SqlNode element : list) {
      if (element instanceof SqlColumnDeclaration col) {
        columns.add(column(name, col));
      } else if (element.getKind() == SqlKind.PRIMARY_KEY) {
        primaryKey.addAll(names((SqlNodeList) ((SqlCall) element).operand(1)));
      } else if (element.getKind() == SqlKind.UNIQUE) {
        unique.add(names((SqlNodeList) ((SqlCall) element).operand(1)));
      } else if (element.getKind() == SqlKind.CHECK) {
        checks.add(sqlite(((SqlCall) element).operand(1)));
      } else {
        throw Errors.of(
            SqlState.FEATURE_NOT_SUPPORTED, "table element '" + element + "' is not supported");
      }
    }
    if (columns.isEmpty()) {
      throw Errors.of(SqlState.INVALID_TABLE_DEFINITION, "table '" + name + "' has no columns");
    }
    Set<String> seen = new LinkedHashSet<>();
    for (ColumnDef c : columns) {
      if (!seen.add(c.name())) {
        throw Errors.of(
            SqlState.DUPLICATE_COLUMN,
            "column '" + c.name() + "' of table '" + name + "' is declared twice");
      }
    }
    for (String k : primaryKey) {
      if (!seen.contains(k)) {
        throw Errors.of(
            SqlState.UNDEFINED_COLUMN,
            "primary key column '" + k + "' of table '" + name + "' does not exist");
      }
    }
    List<ColumnDef> withKeys = new ArrayList<>();
    for (ColumnDef c : columns) {
      // Key columns are NOT NULL, as in the SQL standard (SQLite's legacy NULL keys are not kept).
      withKeys.add(
          primaryKey.contains(c.name())
              ? new ColumnDef(c.name(), c.type(), c.precision(), c.scale(), false, c.defaultSql(),
                  c.autoIncrement())
              : c);
    }
    return new TableDef(name, withKeys, List.copyOf(primaryKey), unique, checks, List.of());
  }

  private ColumnDef column(String table, SqlColumnDeclaration col) throws SQLException {
    SqlDataTypeSpec spec = col.dataType;
    ColumnType type = TypeMapping.fromTypeName(spec.getTypeName().getSimple());
    int precision = 0;
    int scale = 0;
    if (spec.getTypeNameSpec() instanceof SqlBasicTypeNameSpec basic) {
      precision = Math.max(0, basic.getPrecision());
      scale = Math.max(0, basic.getScale());
    }
    boolean nullable = spec.getNullable() == null || spec.getNullable();
    String defaultSql = null;
    if (col.expression != null) {
      if (col.strategy == ColumnStrategy.VIRTUAL || col.strategy == ColumnStrategy.STORED) {
        throw Errors.of(
            SqlState.FEATURE_NOT_SUPPORTED,
            "generated column '" + col.name.getSimple() + "' of table '" + table
                + "' is not supported");
      }
      defaultSql = sqlite(col.expression);
    }
    return new ColumnDef(col.name.getSimple(), type, precision, scale, nullable, defaultSql, false);
  }

  private ViewDef view(SqlCreateView create) throws SQLException {
    String name = name(create.name);
    QueryCompiler.Validated v = QueryCompiler.validate(context, create.query);
    List<ColumnMeta> metas = QueryCompiler.columns(context, v);
    List<String> names = new ArrayList<>();
    if (create.columnList != null && !create.columnList.isEmpty()) {
      if (create.columnList.size() != metas.size()) {
        throw Errors.of(
            SqlState.INVALID_TABLE_DEFINITION,
            "view '" + name + "' names " + create.columnList.size() + " columns but its query has "
                + metas.size());
      }
      names.addAll(names(create.columnList));
    } else {
      metas.forEach(m -> names.add(m.label()));
    }
    List<ColumnDef> columns = new ArrayList<>();
    for (int i = 0; i < metas.size(); i++) {
      ColumnMeta m = metas.get(i);
      columns.add(
          new ColumnDef(names.get(i), m.type(), m.precision(), m.scale(), m.nullable(), null,
              false));
    }
    String text =
        create.query.toSqlString(c -> c.withDialect(AnsiSqlDialect.DEFAULT)
            .withQuoteAllIdentifiers(true)).getSql();
    return new ViewDef(name, text, columns);
  }

  /** SQLite text of an expression written in DDL (a DEFAULT or CHECK). */
  private static String sqlite(SqlNode expr) {
    return expr.toSqlString(c -> c.withDialect(SqliteDialect.INSTANCE)
        .withQuoteAllIdentifiers(true)).getSql();
  }

  private static String name(SqlIdentifier id) {
    return id.names.get(id.names.size() - 1);
  }

  private static List<String> names(SqlNodeList list) {
    List<String> out = new ArrayList<>();
    for (SqlNode n : list) {
      out.add(((SqlIdentifier) n).getSimple());
    }
    return out;
  }
}
