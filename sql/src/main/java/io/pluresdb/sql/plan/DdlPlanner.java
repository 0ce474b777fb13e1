package io.pluresdb.sql.plan;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.ForeignKeyDef;
import io.pluresdb.crdt.schema.IndexDef;
import io.pluresdb.crdt.schema.SchemaChange;
import io.pluresdb.crdt.schema.SequenceDef;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.sql.calcite.PlanningContext;
import io.pluresdb.sql.calcite.SqliteDialect;
import io.pluresdb.sql.parser.ddl.AlterAction;
import io.pluresdb.sql.parser.ddl.ColumnDecl;
import io.pluresdb.sql.parser.ddl.ForeignKeyRef;
import io.pluresdb.sql.parser.ddl.Identity;
import io.pluresdb.sql.parser.ddl.SqlAlterTable;
import io.pluresdb.sql.parser.ddl.SqlCreateIndex;
import io.pluresdb.sql.parser.ddl.SqlCreateSequence;
import io.pluresdb.sql.parser.ddl.SqlCreateTable;
import io.pluresdb.sql.parser.ddl.SqlCreateTableAs;
import io.pluresdb.sql.parser.ddl.SqlCreateView;
import io.pluresdb.sql.parser.ddl.SqlDropObject;
import io.pluresdb.sql.parser.ddl.TableConstraint;
import io.pluresdb.sql.vector.HnswOptions;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.jspecify.annotations.Nullable;

/**
 * Turns DDL statements into {@link SchemaChange}s. DEFAULT and CHECK expressions are kept as SQLite
 * SQL text (the store evaluates them); a view keeps its query as SQL this planner's parser reads
 * back, and the columns validation derived for it.
 */
public final class DdlPlanner {
  private final PlanningContext context;

  public DdlPlanner(PlanningContext context) {
    this.context = context;
  }

  /** The plan for a DDL node, or null if the node is not DDL. */
  public Plan.Ddl plan(String sql, SqlNode node) throws SQLException {
    if (node instanceof SqlCreateTable create) {
      return new Plan.Ddl(
          sql, new SchemaChange.CreateTable(table(create)), false, create.ifNotExists());
    }
    if (node instanceof SqlCreateTableAs as) {
      return DerivedTables.tableAs(context, sql, as);
    }
    if (node instanceof SqlDropObject drop) {
      String name = name(drop.name());
      SchemaChange change =
          switch (drop.objectKind()) {
            case TABLE -> new SchemaChange.DropTable(name);
            case VIEW -> new SchemaChange.DropView(name);
            case INDEX -> new SchemaChange.DropIndex(name);
            case SEQUENCE -> new SchemaChange.DropSequence(name);
          };
      return new Plan.Ddl(sql, change, drop.ifExists(), false);
    }
    if (node instanceof SqlAlterTable alter) {
      return alter(sql, alter);
    }
    if (node instanceof SqlCreateSequence seq) {
      SequenceDef def = new SequenceDef(name(seq.name()), seq.start(), seq.increment());
      return new Plan.Ddl(sql, new SchemaChange.CreateSequence(def), false, seq.ifNotExists());
    }
    if (node instanceof SqlCreateIndex index) {
      IndexDef def =
          WrittenNames.index(
              new IndexDef(
                  name(index.name()),
                  name(index.table()),
                  index.columns(),
                  index.unique(),
                  index.method() == null ? "btree" : index.method().toLowerCase(Locale.ROOT),
                  index.optionMap()),
              context.catalog());
      if (HnswOptions.isHnsw(def)) {
        HnswOptions.checkDefinition(def);
      }
      return new Plan.Ddl(sql, new SchemaChange.CreateIndex(def), false, index.ifNotExists());
    }
    if (node instanceof SqlCreateView view) {
      if (view.orReplace()) {
        throw Errors.unsupported("CREATE OR REPLACE VIEW");
      }
      return new Plan.Ddl(
          sql, new SchemaChange.CreateView(DerivedTables.view(context, view)), false, false);
    }
    return null;
  }

  private Plan.Ddl alter(String sql, SqlAlterTable alter) throws SQLException {
    String table = WrittenNames.of(context.catalog(), name(alter.name()));
    if (alter.action() instanceof AlterAction.AddColumn add) {
      ColumnDecl c = add.column();
      if (c.primaryKey() || c.unique()) {
        throw Errors.of(
            SqlState.FEATURE_NOT_SUPPORTED,
            "ALTER TABLE ADD COLUMN '"
                + c.name()
                + "' of table '"
                + table
                + "' cannot add a key or UNIQUE constraint");
      }
      return new Plan.Ddl(
          sql, new SchemaChange.AddColumn(table, column(c)), alter.ifExists(), add.ifNotExists());
    }
    if (alter.action() instanceof AlterAction.AddConstraint add
        && add.constraint().kind() == TableConstraint.Kind.FOREIGN_KEY) {
      TableConstraint fk = add.constraint();
      return new Plan.Ddl(
          sql,
          new SchemaChange.AddForeignKey(
              table, foreignKey(fk.name(), fk.columns(), fk.references())),
          alter.ifExists(),
          false);
    }
    if (alter.action() instanceof AlterAction.DropConstraint drop) {
      // either IF EXISTS (of the table or of the constraint) makes a missing one a no-op
      return new Plan.Ddl(
          sql,
          new SchemaChange.DropConstraint(table, drop.name()),
          alter.ifExists() || drop.ifExists(),
          false);
    }
    if (alter.action() instanceof AlterAction.DropColumn drop) {
      return new Plan.Ddl(
          sql,
          new SchemaChange.DropColumn(
              table, WrittenNames.column(context.catalog(), table, drop.name())),
          alter.ifExists(),
          false);
    }
    if (alter.action() instanceof AlterAction.RenameColumn rename) {
      return new Plan.Ddl(
          sql,
          new SchemaChange.RenameColumn(
              table, WrittenNames.column(context.catalog(), table, rename.from()), rename.to()),
          alter.ifExists(),
          false);
    }
    if (alter.action() instanceof AlterAction.AlterColumn a) {
      return new Plan.Ddl(
          sql,
          new SchemaChange.AlterColumn(table, altered(table, a, alter.ifExists())),
          alter.ifExists(),
          false);
    }
    if (alter.action() instanceof AlterAction.RenameTable rename) {
      return new Plan.Ddl(
          sql, new SchemaChange.RenameTable(table, name(rename.to())), alter.ifExists(), false);
    }
    throw Errors.of(
        SqlState.FEATURE_NOT_SUPPORTED,
        "ALTER TABLE '"
            + table
            + "' supports ADD COLUMN, ADD FOREIGN KEY, DROP CONSTRAINT, DROP COLUMN, ALTER COLUMN"
            + " and RENAME only");
  }

  /** The column's declaration after {@code ALTER COLUMN}, from the one the catalog holds. */
  private ColumnDef altered(String table, AlterAction.AlterColumn a, boolean ifExists)
      throws SQLException {
    TableDef t = context.catalog().table(table);
    if (t == null && ifExists) {
      return ColumnDef.of(a.name(), io.pluresdb.crdt.schema.ColumnType.ANY); // not applied
    }
    if (t == null) {
      throw Errors.of(SqlState.UNDEFINED_TABLE, "table '" + table + "' does not exist");
    }
    ColumnDef c = t.column(a.name());
    if (c == null) {
      throw Errors.of(
          SqlState.UNDEFINED_COLUMN,
          "column '" + a.name() + "' of table '" + table + "' does not exist");
    }
    return switch (a.change()) {
      case SET_NOT_NULL -> c.withNullable(false);
      case DROP_NOT_NULL -> c.withNullable(true);
      case SET_DEFAULT -> c.withDefault(sqlite(java.util.Objects.requireNonNull(a.defaultValue())));
      case DROP_DEFAULT -> c.withDefault(null);
      case TYPE -> {
        var type = java.util.Objects.requireNonNull(a.type());
        yield c.withType(type.type(), type.precision(), type.scale(), type.written());
      }
    };
  }

  private TableDef table(SqlCreateTable create) throws SQLException {
    String name = name(create.name());
    List<ColumnDef> columns = new ArrayList<>();
    Set<String> seen = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    List<List<String>> unique = new ArrayList<>();
    List<String> checks = new ArrayList<>();
    List<ForeignKeyDef> foreignKeys = new ArrayList<>();
    for (ColumnDecl c : create.columns()) {
      if (!seen.add(c.name())) {
        throw Errors.of(
            SqlState.DUPLICATE_COLUMN,
            "column '" + c.name() + "' of table '" + name + "' is declared twice");
      }
      columns.add(column(c));
      if (c.unique()) {
        unique.add(List.of(c.name()));
      }
      if (c.check() != null) {
        checks.add(sqlite(c.check()));
      }
      if (c.references() != null) {
        foreignKeys.add(foreignKey(null, List.of(c.name()), c.references()));
      }
    }
    for (TableConstraint tc : create.constraints()) {
      switch (tc.kind()) {
        case UNIQUE -> unique.add(tc.columns());
        case CHECK -> checks.add(sqlite(tc.check()));
        case FOREIGN_KEY -> foreignKeys.add(foreignKey(tc.name(), tc.columns(), tc.references()));
        case PRIMARY_KEY -> {} // collected by primaryKey() below
      }
    }
    List<String> primaryKey = create.primaryKey();
    for (String k : primaryKey) {
      if (!seen.contains(k)) {
        throw Errors.of(
            SqlState.UNDEFINED_COLUMN,
            "primary key column '" + k + "' of table '" + name + "' does not exist");
      }
    }
    List<ColumnDef> withKeys = new ArrayList<>();
    for (ColumnDef c : columns) {
      // Key columns are NOT NULL, as in the SQL standard.
      withKeys.add(
          primaryKey.stream().anyMatch(c.name()::equalsIgnoreCase) && c.nullable()
              ? c.withNullable(false)
              : c);
    }
    return WrittenNames.table(
        new TableDef(name, withKeys, primaryKey, unique, checks, foreignKeys), context.catalog());
  }

  private static ForeignKeyDef foreignKey(String name, List<String> columns, ForeignKeyRef ref) {
    return new ForeignKeyDef(
        name,
        columns,
        name(ref.table()),
        ref.columns(),
        action(ref.onDelete()),
        action(ref.onUpdate()));
  }

  /** A referential action; NO ACTION, the default, is kept as null. */
  private static @Nullable String action(@Nullable String words) {
    return words == null || words.equals("NO ACTION") ? null : words;
  }

  private static ColumnDef column(ColumnDecl c) {
    String defaultSql = c.defaultValue() == null ? null : sqlite(c.defaultValue());
    boolean identity = c.identity() != Identity.NONE;
    return new ColumnDef(
        c.name(),
        c.type().type(),
        c.type().precision(),
        c.type().scale(),
        c.nullable(),
        defaultSql,
        identity,
        c.type().written(),
        c.collation(),
        c.generated() == null ? null : sqlite(c.generated()));
  }

  /** SQLite text of an expression written in DDL (a DEFAULT or CHECK). */
  private static String sqlite(SqlNode expr) {
    return expr.toSqlString(
            c -> c.withDialect(SqliteDialect.INSTANCE).withQuoteAllIdentifiers(true))
        .getSql();
  }

  static String name(SqlIdentifier id) {
    return id.names.get(id.names.size() - 1);
  }
}
