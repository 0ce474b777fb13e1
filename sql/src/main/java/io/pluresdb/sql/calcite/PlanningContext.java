package io.pluresdb.sql.calcite;

import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.sql.catalog.CalciteCatalogs;
import io.pluresdb.sql.catalog.CollectionTable;
import io.pluresdb.sql.functions.SqliteFunctionList;
import io.pluresdb.sql.lenient.IndexHints;
import io.pluresdb.sql.lenient.SqliteCasts;
import io.pluresdb.sql.parser.ZonedTimestampLiterals;
import io.pluresdb.sql.parser.sqlite.SqliteIn;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlTableRef;
import org.apache.calcite.sql.SqlUnknownLiteral;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SelectScope;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlQualified;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorImpl;
import org.apache.calcite.sql.validate.SqlValidatorScope;
import org.apache.calcite.sql.validate.SqlValidatorTable;
import org.jspecify.annotations.Nullable;

/**
 * Everything needed to validate statements against one catalog: the Calcite root schema, the
 * catalog reader and a fresh validator per statement (validators keep per-statement state).
 *
 * <p>Not thread-safe: one planning call at a time; cheap to create.
 */
public final class PlanningContext {
  private static final CalciteConnectionConfig CONFIG;

  static {
    Properties p = new Properties();
    p.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "false");
    CONFIG = new CalciteConnectionConfigImpl(p);
  }

  private final Catalog catalog;
  private final RelDataTypeFactory typeFactory;
  private final CalciteCatalogReader reader;
  private final boolean rowids;

  public PlanningContext(Catalog catalog, CalciteCatalogs schemas) {
    this(catalog, schemas, false);
  }

  /**
   * A context whose tables also have SQLite's rowid pseudo-columns when {@code rowids} (see {@link
   * CollectionTable}): for a statement that {@link #namesRowid names one}.
   */
  public PlanningContext(Catalog catalog, CalciteCatalogs schemas, boolean rowids) {
    this.catalog = catalog;
    this.rowids = rowids;
    this.typeFactory = new SqlTypeFactoryImpl(SqliteTypeSystem.INSTANCE);
    CalciteSchema root = schemas.rootFor(catalog, rowids);
    this.reader =
        new CalciteCatalogReader(root, List.of(CalciteCatalogs.MAIN), typeFactory, CONFIG);
  }

  /**
   * True when {@code node} has an identifier ending in {@code rowid}, {@code _rowid_} or {@code
   * oid}.
   */
  public static boolean namesRowid(SqlNode node) {
    boolean[] found = {false};
    node.accept(
        new SqlBasicVisitor<Void>() {
          @Override
          public Void visit(SqlIdentifier id) {
            String last = id.names.get(id.names.size() - 1).toLowerCase(Locale.ROOT);
            found[0] |= CollectionTable.ROWID_NAMES.contains(last);
            return null;
          }
        });
    return found[0];
  }

  /** Whether this context's tables carry the rowid pseudo-columns. */
  public boolean rowids() {
    return rowids;
  }

  public Catalog catalog() {
    return catalog;
  }

  public RelDataTypeFactory typeFactory() {
    return typeFactory;
  }

  public CalciteCatalogReader reader() {
    return reader;
  }

  /**
   * A new validator. Identifiers are expanded (every column qualified, {@code *} listed) so that
   * the validated tree unparses into SQLite SQL that reads exactly the declared columns.
   */
  public SqlValidator newValidator() {
    SqlValidator.Config config =
        SqlValidator.Config.DEFAULT
            .withIdentifierExpansion(true)
            .withConformance(SqlConformanceEnum.LENIENT)
            .withDefaultNullCollation(NullCollation.LOW)
            .withTypeCoercionEnabled(true);
    return new Validator(reader, typeFactory, config, rowids, catalog);
  }

  /** Calcite's validator, reading zoned timestamp literals in the ISO offset forms. */
  private static final class Validator extends SqlValidatorImpl {
    private final boolean rowids;
    private final Catalog catalog;

    Validator(
        CalciteCatalogReader reader,
        RelDataTypeFactory typeFactory,
        Config config,
        boolean rowids,
        Catalog catalog) {
      super(SqliteFunctions.OPERATORS, reader, typeFactory, config);
      this.rowids = rowids;
      this.catalog = catalog;
    }

    /** Star expansion (the only caller): leaves out the rowid pseudo-columns, as SQLite does. */
    @Override
    protected void addToSelectList(
        List<SqlNode> list,
        Set<String> aliases,
        List<Map.Entry<String, RelDataType>> fieldList,
        SqlNode exp,
        SelectScope scope,
        boolean includeSystemVars) {
      if (rowids && exp instanceof SqlIdentifier id && isPseudo(id, scope)) {
        return;
      }
      super.addToSelectList(list, aliases, fieldList, exp, scope, includeSystemVars);
    }

    private static boolean isPseudo(SqlIdentifier id, SelectScope scope) {
      String last = id.names.get(id.names.size() - 1);
      if (!CollectionTable.ROWID_NAMES.contains(last)) {
        return false;
      }
      SqlQualified q = scope.fullyQualify(id);
      SqlValidatorTable table = q.namespace == null ? null : q.namespace.getTable();
      CollectionTable t = table == null ? null : table.unwrap(CollectionTable.class);
      return t != null && t.isPseudo(last);
    }

    @Override
    protected @Nullable SqlNode performUnconditionalRewrites(
        @Nullable SqlNode node, boolean underFrom) {
      SqlNode rewritten = super.performUnconditionalRewrites(node, underFrom);
      SqlNode emptyIn = rewritten == null ? null : SqliteIn.emptyListValue(rewritten);
      if (emptyIn != null) {
        return emptyIn;
      }
      if (rewritten instanceof SqlTableRef ref) {
        IndexHints.check(ref, catalog);
      }
      if (rewritten != null) {
        SqliteFunctionList.beforeValidation(rewritten);
        SqliteCasts.beforeValidation(rewritten);
      }
      return rewritten;
    }

    @Override
    public RelDataType deriveType(SqlValidatorScope scope, SqlNode expr) {
      try {
        return super.deriveType(scope, expr);
      } catch (CalciteContextException e) {
        CalciteContextException arity = SubselectArity.of(expr, this::getValidatedNodeTypeIfKnown);
        if (arity != null) {
          arity.addSuppressed(e);
          throw arity;
        }
        throw e;
      }
    }

    @Override
    public SqlLiteral resolveLiteral(SqlLiteral literal) {
      if (literal instanceof SqlUnknownLiteral u && u.tag.equals(ZonedTimestampLiterals.TAG)) {
        return ZonedTimestampLiterals.parse(u.getValue(), u.getParserPosition());
      }
      return super.resolveLiteral(literal);
    }
  }
}
