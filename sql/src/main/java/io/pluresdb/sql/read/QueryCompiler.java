package io.pluresdb.sql.read;

import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.schema.Names;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.crdt.schema.ViewDef;
import io.pluresdb.sql.calcite.CalciteErrors;
import io.pluresdb.sql.calcite.PlanningContext;
import io.pluresdb.sql.calcite.SqliteDialect;
import io.pluresdb.sql.calcite.VectorCalls;
import io.pluresdb.sql.catalog.LocalTables;
import io.pluresdb.sql.catalog.TypeMapping;
import io.pluresdb.sql.functions.DatetimeArithmetic;
import io.pluresdb.sql.lenient.Leniency;
import io.pluresdb.sql.lenient.RecursiveLimits;
import io.pluresdb.sql.lenient.ValuesAsSelects;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.util.SqlString;
import org.apache.calcite.sql.validate.SqlValidator;

/**
 * Compiles a query into one SQLite statement: validates it against the catalog, inlines views and
 * unparses the validated tree with {@link SqliteDialect}.
 *
 * <p>The validated tree, not a relational plan, is what gets written back: it keeps the query as
 * the user wrote it (SQLite's own semantics for NULL ordering, integer division, LIKE and type
 * affinity apply unchanged, correlated subqueries stay correlated) while validation has resolved
 * every name, qualified every column and listed {@code *} as the declared columns only. It also
 * keeps Calcite's relational machinery (and its generated metadata handlers) off the path of every
 * first query.
 */
public final class QueryCompiler {
  private QueryCompiler() {}

  /** A validated query and the validator that validated it. */
  public record Validated(SqlNode node, SqlValidator validator) {}

  /** Validates a query (or a query-shaped node built by a write); Calcite errors are mapped. */
  public static Validated validate(PlanningContext context, SqlNode query) throws SQLException {
    try {
      return Leniency.validate(
          query,
          node -> {
            SqlValidator validator = context.newValidator();
            return new Validated(validator.validate(node), validator);
          });
    } catch (RuntimeException e) {
      throw CalciteErrors.map(e);
    }
  }

  /** Compiles a SELECT (or VALUES, set operation, WITH) to a {@link ReadPlan}. */
  public static ReadPlan compile(PlanningContext context, SqlNode query) throws SQLException {
    return compile(context, query, null);
  }

  /**
   * Compiles a query; {@code sql}, the statement's text, gives unnamed expressions the labels
   * SQLite would ({@code COUNT(*)}), or null to keep generated ones.
   */
  public static ReadPlan compile(PlanningContext context, SqlNode parsed, String sql)
      throws SQLException {
    SqlNode query = ValuesAsSelects.rewrite(parsed);
    SystemTimes past = SystemTimes.detach(query);
    List<ColumnLabels.Written> written = ColumnLabels.written(query, sql);
    List<RecursiveLimits.Limit> limits = RecursiveLimits.detach(query);
    Validated v = validate(context, query);
    List<ColumnMeta> columns = dynamic(ColumnLabels.apply(columns(context, v), written), v);
    List<ColumnType> params = parameterTypes(v);
    LiteralCasts.check(v.node(), v.validator());
    VectorCalls.checkLiterals(v.node());
    new ViewInliner(context).inline(v.node());
    boolean[] exactScale = ExactScales.of(v.node(), columns.size());
    BooleanCasts.rewrite(v.node(), v.validator());
    NaturalJoins.rewrite(v.node(), v.validator());
    RecursiveLimits.reattach(v.node(), limits);
    DatetimeArithmetic.rewrite(v.node(), v.validator());
    DerivedColumnNames.name(v.node(), v.validator());
    past.reattach(v.node(), context);
    SqlString sqlite = unparse(v.node());
    return new ReadPlan(sqlite.getSql(), paramOrder(sqlite), columns, params, exactScale);
  }

  /**
   * Replaces each view (and TEMP table, see {@link LocalTables}) named in the FROM clauses of a
   * validated tree, a write's finder included, by what SQLite reads in its place.
   */
  public static void inlineViews(PlanningContext context, SqlNode validated) throws SQLException {
    new ViewInliner(context).inline(validated);
  }

  /** Marks the columns whose validated type is ANY: SQLite decides their type per value. */
  private static List<ColumnMeta> dynamic(List<ColumnMeta> columns, Validated v) {
    List<RelDataTypeField> fields = v.validator().getValidatedNodeType(v.node()).getFieldList();
    List<ColumnMeta> out = new ArrayList<>(columns);
    for (int i = 0; i < out.size() && i < fields.size(); i++) {
      if (fields.get(i).getType().getSqlTypeName() == SqlTypeName.ANY) {
        out.set(i, out.get(i).asDynamic());
      }
    }
    return out;
  }

  /** The SQLite text of a validated node. */
  public static SqlString unparse(SqlNode validated) {
    return validated.toSqlString(
        c ->
            c.withDialect(SqliteDialect.INSTANCE)
                .withQuoteAllIdentifiers(true)
                .withAlwaysUseParentheses(false)
                .withSelectListItemsOnSeparateLines(false)
                .withUpdateSetListNewline(false)
                .withIndentation(0)
                .withClauseStartsLine(false)
                .withClauseEndsLine(false));
  }

  /** For each placeholder of the unparsed SQL, the user parameter it binds. */
  public static int[] paramOrder(SqlString sql) {
    List<Integer> dyn = sql.getDynamicParameters();
    if (dyn == null) {
      return new int[0];
    }
    return dyn.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The inferred type of each dynamic parameter, by parameter index (0-based). */
  public static List<ColumnType> parameterTypes(Validated v) {
    TreeMap<Integer, ColumnType> byIndex = new TreeMap<>();
    collectParameterTypes(v, v.node(), byIndex);
    List<ColumnType> types = new ArrayList<>();
    // the highest index once, not in the loop's condition: that was quadratic in the parameters
    int last = byIndex.isEmpty() ? -1 : byIndex.lastKey();
    for (int i = 0; i <= last; i++) {
      types.add(byIndex.getOrDefault(i, ColumnType.VARCHAR));
    }
    return types;
  }

  /** Adds the validated type of every dynamic parameter under {@code node}. */
  public static void collectParameterTypes(
      Validated v, SqlNode node, Map<Integer, ColumnType> byIndex) {
    // a vector function's arguments are vectors, whatever type Calcite gave them
    VectorCalls.markParameters(node, byIndex);
    node.accept(
        new SqlBasicVisitor<Void>() {
          @Override
          public Void visit(SqlDynamicParam param) {
            RelDataType t = v.validator().getValidatedNodeTypeIfKnown(param);
            if (t != null) {
              byIndex.putIfAbsent(param.getIndex(), TypeMapping.fromRelType(t));
            }
            return null;
          }
        });
  }

  /** Result columns from the validated row type and each column's origin. */
  public static List<ColumnMeta> columns(PlanningContext context, Validated v) {
    RelDataType rowType = v.validator().getValidatedNodeType(v.node());
    List<List<String>> origins = v.validator().getFieldOrigins(v.node());
    List<ColumnMeta> out = new ArrayList<>();
    List<RelDataTypeField> fields = rowType.getFieldList();
    for (int i = 0; i < fields.size(); i++) {
      RelDataTypeField f = fields.get(i);
      List<String> origin = origins == null || i >= origins.size() ? null : origins.get(i);
      out.add(column(context, f, origin));
    }
    return out;
  }

  private static ColumnMeta column(
      PlanningContext context, RelDataTypeField f, List<String> origin) {
    RelDataType t = f.getType();
    // a date-time's Calcite precision is digits of a fraction, not the characters JDBC reports
    int precision = t.getPrecision() < 0 || SqlTypeUtil.isDatetime(t) ? 0 : t.getPrecision();
    int scale = t.getScale() < 0 ? 0 : t.getScale();
    if (origin != null && origin.size() >= 2) {
      String table = origin.get(origin.size() - 2);
      String name = origin.get(origin.size() - 1);
      ColumnDef def = declared(context, table, name);
      if (def != null) {
        // def's name, not the origin's: rowid read through its alias is labelled as the alias
        return new ColumnMeta(
            f.getName(),
            def.name(),
            table,
            def.type(),
            def.precision() > 0 ? def.precision() : precision,
            def.scale(),
            t.isNullable(),
            def.autoIncrement());
      }
    }
    return new ColumnMeta(
        f.getName(), f.getName(), "", computed(t), precision, scale, t.isNullable(), false);
  }

  /**
   * The type a computed value is read as. SQLite has no boolean values: a comparison or a logical
   * operator gives the integer 1 or 0 ({@code SELECT 1 = 1} is 1, of type integer), so a computed
   * boolean is read as INTEGER; a BOOLEAN column selected as it is keeps its declared type.
   */
  private static ColumnType computed(RelDataType t) {
    ColumnType type = TypeMapping.fromRelType(t);
    return type == ColumnType.BOOLEAN ? ColumnType.INTEGER : type;
  }

  private static ColumnDef declared(PlanningContext context, String table, String column) {
    TableDef td = context.catalog().table(table);
    if (td != null) {
      ColumnDef def = td.column(column);
      return def != null ? def : RowidAlias.of(td, column);
    }
    ViewDef vd = context.catalog().views().get(table);
    if (vd != null) {
      for (ColumnDef c : vd.columns()) {
        if (Names.same(c.name(), column)) {
          return c;
        }
      }
    }
    return null;
  }
}
