package io.pluresdb.sql.calcite;

import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.sql.catalog.CalciteCatalogs;
import io.pluresdb.sql.functions.SqliteFunctionList;
import io.pluresdb.sql.parser.ZonedTimestampLiterals;
import java.util.List;
import java.util.Properties;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUnknownLiteral;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorImpl;
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

  public PlanningContext(Catalog catalog, CalciteCatalogs schemas) {
    this.catalog = catalog;
    this.typeFactory = new SqlTypeFactoryImpl(SqliteTypeSystem.INSTANCE);
    CalciteSchema root = schemas.rootFor(catalog);
    this.reader =
        new CalciteCatalogReader(root, List.of(CalciteCatalogs.MAIN), typeFactory, CONFIG);
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
    return new Validator(reader, typeFactory, config);
  }

  /** Calcite's validator, reading zoned timestamp literals in the ISO offset forms. */
  private static final class Validator extends SqlValidatorImpl {
    Validator(CalciteCatalogReader reader, RelDataTypeFactory typeFactory, Config config) {
      super(SqliteFunctions.OPERATORS, reader, typeFactory, config);
    }

    @Override
    protected @Nullable SqlNode performUnconditionalRewrites(
        @Nullable SqlNode node, boolean underFrom) {
      SqlNode rewritten = super.performUnconditionalRewrites(node, underFrom);
      if (rewritten != null) {
        SqliteFunctionList.beforeValidation(rewritten);
      }
      return rewritten;
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
