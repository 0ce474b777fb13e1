package io.pluresdb.hibernate;

import jakarta.persistence.TemporalType;
import java.sql.Types;
import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.boot.model.TypeContributions;
import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.NullOrdering;
import org.hibernate.dialect.function.CommonFunctionFactory;
import org.hibernate.dialect.function.FormatFunction;
import org.hibernate.dialect.identity.IdentityColumnSupport;
import org.hibernate.dialect.pagination.LimitHandler;
import org.hibernate.dialect.pagination.OffsetFetchLimitHandler;
import org.hibernate.dialect.sequence.SequenceSupport;
import org.hibernate.dialect.unique.CreateTableUniqueDelegate;
import org.hibernate.dialect.unique.UniqueDelegate;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.query.common.TemporalUnit;
import org.hibernate.query.sqm.IntervalType;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.sql.ast.spi.SqlAppender;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.BlobJdbcType;
import org.hibernate.type.descriptor.jdbc.ClobJdbcType;
import org.hibernate.type.descriptor.jdbc.VarcharJdbcType;
import org.hibernate.type.descriptor.jdbc.spi.JdbcTypeRegistry;

/**
 * The Hibernate ORM dialect for {@code jdbc:pluresdb:}. Hibernate finds it by itself (see {@link
 * PluresDialectResolver}); {@code hibernate.dialect=io.pluresdb.hibernate.PluresDialect} names it
 * explicitly.
 *
 * <p>It describes the SQL PluresDB's parser accepts: standard types (BLOB and CLOB read and written
 * as bytes and strings, UUID as VARCHAR(36)), identity columns and sequences whose values are
 * unique across nodes without coordination, {@code OFFSET … FETCH} pagination, {@code IF [NOT]
 * EXISTS} DDL, foreign keys added and dropped with {@code ALTER TABLE} as Hibernate's schema tools
 * do (unique constraints go inside CREATE TABLE). One thing follows from the store's design:
 *
 * <ul>
 *   <li>Sequence values are not {@code start + k * increment}: each is a cluster-unique id whose
 *       {@code increment}-wide block below it belongs to the issuing node (see {@link
 *       PluresSequenceSupport}).
 * </ul>
 *
 * <p>Works with Hibernate ORM 7 and 6.6: it is compiled against 7 and names nothing that 6.6 lacks,
 * but for the two date-arithmetic patterns, whose signatures name a type that moved; on 6.6 those
 * come from {@link HibernateGeneration}.
 *
 * <p>Immutable and thread-safe, as Hibernate requires of dialects.
 */
public class PluresDialect extends Dialect {
  private static final String LOCAL_TIMESTAMP = "cast(datetime('now','localtime') as timestamp)";
  private static final String LOCAL_TIME = "cast(time('now','localtime') as time)";

  private final UniqueDelegate uniqueDelegate = new CreateTableUniqueDelegate(this);

  public PluresDialect() {
    super(DatabaseVersion.make(0, 1));
  }

  public PluresDialect(DialectResolutionInfo info) {
    super(info);
  }

  @Override
  protected String columnType(int sqlTypeCode) {
    return switch (sqlTypeCode) {
      // the parser reads FLOAT(p) as DOUBLE already; say so plainly
      case Types.FLOAT, Types.DOUBLE -> "double";
      case Types.TIME -> "time";
      default -> super.columnType(sqlTypeCode);
    };
  }

  @Override
  public void contributeTypes(TypeContributions typeContributions, ServiceRegistry registry) {
    super.contributeTypes(typeContributions, registry);
    JdbcTypeRegistry jdbc = typeContributions.getTypeConfiguration().getJdbcTypeRegistry();
    // LOBs are values in the store: bind and read them whole, as bytes and strings
    jdbc.addDescriptor(Types.BLOB, BlobJdbcType.PRIMITIVE_ARRAY_BINDING);
    jdbc.addDescriptor(Types.CLOB, ClobJdbcType.STRING_BINDING);
    // UUIDs as their 36-character text, readable in any SQL client
    jdbc.addDescriptor(SqlTypes.UUID, VarcharJdbcType.INSTANCE);
  }

  @Override
  public void initializeFunctionRegistry(FunctionContributions functionContributions) {
    super.initializeFunctionRegistry(functionContributions);
    // the SQL-standard forms of what HQL spells concat(), locate(), left() and right()
    CommonFunctionFactory functions = new CommonFunctionFactory(functionContributions);
    functions.concat_pipeOperator();
    functions.locate_positionSubstring();
    functions.leftRight_substr();
    // format(d as 'yyyy-MM-dd') as strftime('%Y-%m-%d', d): the pattern goes first
    functionContributions
        .getFunctionRegistry()
        .register(
            "format",
            new FormatFunction(
                "strftime", true, false, functionContributions.getTypeConfiguration()));
    // truncate(d, month) of a date or timestamp: its text up to the unit, padded
    PluresDateTrunc trunc = new PluresDateTrunc(functionContributions.getTypeConfiguration());
    functionContributions.getFunctionRegistry().register("truncate", trunc);
    functionContributions.getFunctionRegistry().register("trunc", trunc);
    // on Hibernate 6.6 the timestampadd/timestampdiff overrides below override nothing: the
    // functions are registered again on a dialect that overrides 6.6's methods
    HibernateGeneration.registerDateArithmetic(this, functionContributions);
  }

  @Override
  @SuppressWarnings({"deprecation", "removal"}) // Hibernate's own signature names these types
  public String timestampaddPattern(
      TemporalUnit unit, TemporalType temporalType, IntervalType intervalType) {
    return PluresDateFunctions.addPattern(unit.name());
  }

  @Override
  @SuppressWarnings("deprecation") // Hibernate's own signature names TemporalType
  public String timestampdiffPattern(
      TemporalUnit unit, TemporalType fromTemporalType, TemporalType toTemporalType) {
    return PluresDateFunctions.diffPattern(unit.name());
  }

  // HQL's current date and time are the local ones, as Hibernate reads a timestamp back (in the
  // JVM's zone); SQL's CURRENT_TIMESTAMP stays SQLite's UTC. SQLite's 'localtime' is the process's
  // zone, the JVM's unless user.timezone says otherwise.
  @Override
  public String currentTimestamp() {
    return LOCAL_TIMESTAMP;
  }

  @Override
  public String currentLocalTimestamp() {
    return LOCAL_TIMESTAMP;
  }

  @Override
  public String currentDate() {
    return "cast(date('now','localtime') as date)";
  }

  @Override
  public String currentTime() {
    return LOCAL_TIME;
  }

  @Override
  public String currentLocalTime() {
    return LOCAL_TIME;
  }

  @Override
  public long getFractionalSecondPrecisionInNanos() {
    return PluresDateFunctions.NATIVE_NANOS;
  }

  @Override
  public void appendDatetimeFormat(SqlAppender appender, String format) {
    appender.appendSql(PluresDateFunctions.strftime(format));
  }

  @Override
  public IdentityColumnSupport getIdentityColumnSupport() {
    return PluresIdentityColumnSupport.INSTANCE;
  }

  @Override
  public SequenceSupport getSequenceSupport() {
    return PluresSequenceSupport.INSTANCE;
  }

  @Override
  public LimitHandler getLimitHandler() {
    return OffsetFetchLimitHandler.INSTANCE;
  }

  @Override
  public UniqueDelegate getUniqueDelegate() {
    return uniqueDelegate;
  }

  @Override
  public boolean supportsIfExistsBeforeTableName() {
    return true;
  }

  @Override
  public boolean supportsIfExistsAfterAlterTable() {
    return true;
  }

  @Override
  public NullOrdering getNullOrdering() {
    // ORDER BY runs in SQLite, where NULL sorts first
    return NullOrdering.SMALLEST;
  }

  @Override
  public boolean supportsNullPrecedence() {
    return true;
  }
}
