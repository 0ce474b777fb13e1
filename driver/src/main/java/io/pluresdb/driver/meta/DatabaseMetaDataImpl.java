package io.pluresdb.driver.meta;

import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.driver.jdbc.ConnectionImpl;
import io.pluresdb.driver.jdbc.ResultSetImpl;
import io.pluresdb.driver.jdbc.SelfWrapper;
import io.pluresdb.driver.url.ConnectionUrl;
import io.pluresdb.driver.url.PluresProperty;
import io.pluresdb.sql.read.ColumnMeta;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * The PluresDB {@link DatabaseMetaData}: constant answers about the SQL dialect and the driver, and
 * catalog answers ({@link CatalogRows}) from the session's schema snapshot, which includes the
 * session's own uncommitted DDL. There are no catalogs and one schema, {@value #SCHEMA}. Long only
 * because the interface is; every method is a constant or one call.
 *
 * <p>Thread-safe as far as it goes: it holds no state beyond its connection.
 */
public final class DatabaseMetaDataImpl implements DatabaseMetaData, SelfWrapper {
  /** The one schema every table lives in. */
  public static final String SCHEMA = ConnectionImpl.SCHEMA;

  private final Connection connection;
  private final ConnectionUrl url;
  private final Supplier<Catalog> catalog;

  public DatabaseMetaDataImpl(Connection connection, ConnectionUrl url, Supplier<Catalog> catalog) {
    this.connection = connection;
    this.url = url;
    this.catalog = catalog;
  }

  private CatalogRows rows() throws SQLException {
    if (connection.isClosed()) {
      connection.getSchema(); // raises the closed-connection error
    }
    return new CatalogRows(catalog.get());
  }

  private static ResultSet result(List<ColumnMeta> columns, List<Object[]> rows) {
    return ResultSetImpl.of(columns, rows);
  }

  private static ResultSet empty(List<ColumnMeta> columns) {
    return ResultSetImpl.of(columns, List.of());
  }

  // ---- catalog answers

  @Override
  public ResultSet getCatalogs() throws SQLException {
    rows();
    return empty(MetaShape.CATALOGS);
  }

  @Override
  public ResultSet getSchemas() throws SQLException {
    return getSchemas(null, null);
  }

  @Override
  public ResultSet getSchemas(String catalogName, String schemaPattern) throws SQLException {
    rows();
    List<Object[]> r = new ArrayList<>();
    if (CatalogRows.inScope(catalogName, schemaPattern)) {
      r.add(new Object[] {SCHEMA, null});
    }
    return result(MetaShape.SCHEMAS, r);
  }

  @Override
  public ResultSet getTableTypes() throws SQLException {
    rows();
    return result(
        MetaShape.TABLE_TYPES,
        List.of(
            new Object[] {TempTableRows.LOCAL_TEMPORARY},
            new Object[] {CatalogRows.SEQUENCE},
            new Object[] {CatalogRows.TABLE},
            new Object[] {CatalogRows.VIEW}));
  }

  @Override
  public ResultSet getTables(String cat, String schema, String table, String[] types)
      throws SQLException {
    CatalogRows c = rows();
    if (!CatalogRows.inScope(cat, schema)) {
      return empty(MetaShape.TABLES);
    }
    List<Object[]> r = new ArrayList<>(c.tables(table, types));
    r.addAll(TempTableRows.of(connection, table, types));
    // JDBC's order: TABLE_TYPE, then TABLE_NAME
    r.sort(Comparator.comparing((Object[] t) -> (String) t[3]).thenComparing(t -> (String) t[2]));
    return result(MetaShape.TABLES, r);
  }

  @Override
  public ResultSet getColumns(String cat, String schema, String table, String column)
      throws SQLException {
    CatalogRows c = rows();
    return result(
        MetaShape.COLUMNS, CatalogRows.inScope(cat, schema) ? c.columns(table, column) : List.of());
  }

  @Override
  public ResultSet getPrimaryKeys(String cat, String schema, String table) throws SQLException {
    CatalogRows c = rows();
    return result(
        MetaShape.PRIMARY_KEYS,
        CatalogRows.inScope(cat, schema) ? c.primaryKeys(table) : List.of());
  }

  @Override
  public ResultSet getIndexInfo(
      String cat, String schema, String table, boolean unique, boolean approximate)
      throws SQLException {
    CatalogRows c = rows();
    return result(
        MetaShape.INDEX_INFO,
        CatalogRows.inScope(cat, schema) ? c.indexInfo(table, unique) : List.of());
  }

  @Override
  public ResultSet getImportedKeys(String cat, String schema, String table) throws SQLException {
    CatalogRows c = rows();
    return result(
        MetaShape.KEYS, CatalogRows.inScope(cat, schema) ? c.keys(null, table, true) : List.of());
  }

  @Override
  public ResultSet getExportedKeys(String cat, String schema, String table) throws SQLException {
    CatalogRows c = rows();
    return result(
        MetaShape.KEYS, CatalogRows.inScope(cat, schema) ? c.keys(table, null, false) : List.of());
  }

  @Override
  public ResultSet getCrossReference(
      String parentCat,
      String parentSchema,
      String parentTable,
      String foreignCat,
      String foreignSchema,
      String foreignTable)
      throws SQLException {
    CatalogRows c = rows();
    boolean scope =
        CatalogRows.inScope(parentCat, parentSchema)
            && CatalogRows.inScope(foreignCat, foreignSchema);
    return result(MetaShape.KEYS, scope ? c.keys(parentTable, foreignTable, false) : List.of());
  }

  @Override
  public ResultSet getBestRowIdentifier(
      String cat, String schema, String table, int scope, boolean nullable) throws SQLException {
    CatalogRows c = rows();
    return result(
        MetaShape.BEST_ROW,
        CatalogRows.inScope(cat, schema) ? c.bestRowIdentifier(table) : List.of());
  }

  @Override
  public ResultSet getTypeInfo() throws SQLException {
    rows();
    return result(MetaShape.TYPE_INFO, TypeInfoRows.rows());
  }

  @Override
  public ResultSet getClientInfoProperties() throws SQLException {
    rows();
    return result(
        MetaShape.CLIENT_INFO,
        List.of(
            new Object[] {"ApplicationName", 255L, null, "The application using the connection"},
            new Object[] {"ClientHostname", 255L, null, "The host the application runs on"},
            new Object[] {"ClientUser", 255L, null, "The application's user"}));
  }

  @Override
  public ResultSet getFunctions(String cat, String schema, String function) throws SQLException {
    rows();
    return result(
        MetaShape.FUNCTIONS,
        CatalogRows.inScope(cat, schema) ? FunctionRows.functions(function) : List.of());
  }

  @Override
  public ResultSet getFunctionColumns(String cat, String schema, String function, String column)
      throws SQLException {
    rows();
    return result(
        MetaShape.FUNCTION_COLUMNS,
        CatalogRows.inScope(cat, schema) ? FunctionRows.columns(function, column) : List.of());
  }

  // ---- catalog answers that are always empty: PluresDB has none of these objects

  @Override
  public ResultSet getVersionColumns(String cat, String schema, String table) throws SQLException {
    rows();
    return empty(MetaShape.VERSION_COLUMNS);
  }

  @Override
  public ResultSet getProcedures(String cat, String schema, String procedure) throws SQLException {
    rows();
    return empty(MetaShape.PROCEDURES);
  }

  @Override
  public ResultSet getProcedureColumns(String cat, String schema, String procedure, String column)
      throws SQLException {
    rows();
    return empty(MetaShape.PROCEDURE_COLUMNS);
  }

  @Override
  public ResultSet getUDTs(String cat, String schema, String type, int[] types)
      throws SQLException {
    rows();
    return empty(MetaShape.UDTS);
  }

  @Override
  public ResultSet getSuperTypes(String cat, String schema, String type) throws SQLException {
    rows();
    return empty(MetaShape.SUPER_TYPES);
  }

  @Override
  public ResultSet getSuperTables(String cat, String schema, String table) throws SQLException {
    rows();
    return empty(MetaShape.SUPER_TABLES);
  }

  @Override
  public ResultSet getAttributes(String cat, String schema, String type, String attribute)
      throws SQLException {
    rows();
    return empty(MetaShape.ATTRIBUTES);
  }

  @Override
  public ResultSet getTablePrivileges(String cat, String schema, String table) throws SQLException {
    rows();
    return empty(MetaShape.TABLE_PRIVILEGES);
  }

  @Override
  public ResultSet getColumnPrivileges(String cat, String schema, String table, String column)
      throws SQLException {
    rows();
    return empty(MetaShape.COLUMN_PRIVILEGES);
  }

  @Override
  public ResultSet getPseudoColumns(String cat, String schema, String table, String column)
      throws SQLException {
    rows();
    return empty(MetaShape.PSEUDO_COLUMNS);
  }

  // ---- product, driver, connection

  @Override
  public String getDatabaseProductName() {
    return DriverInfo.PRODUCT;
  }

  @Override
  public String getDatabaseProductVersion() {
    return DriverInfo.VERSION;
  }

  @Override
  public int getDatabaseMajorVersion() {
    return DriverInfo.MAJOR;
  }

  @Override
  public int getDatabaseMinorVersion() {
    return DriverInfo.MINOR;
  }

  @Override
  public String getDriverName() {
    return DriverInfo.DRIVER_NAME;
  }

  @Override
  public String getDriverVersion() {
    return DriverInfo.VERSION;
  }

  @Override
  public int getDriverMajorVersion() {
    return DriverInfo.MAJOR;
  }

  @Override
  public int getDriverMinorVersion() {
    return DriverInfo.MINOR;
  }

  @Override
  public int getJDBCMajorVersion() {
    return 4;
  }

  @Override
  public int getJDBCMinorVersion() {
    return 3;
  }

  @Override
  public String getURL() {
    return url.url();
  }

  @Override
  public String getUserName() {
    String user = url.get(PluresProperty.USER);
    return user == null ? "" : user;
  }

  @Override
  public Connection getConnection() {
    return connection;
  }

  @Override
  public boolean isReadOnly() throws SQLException {
    return connection.isReadOnly();
  }

  // ---- identifiers and dialect

  @Override
  public String getIdentifierQuoteString() {
    return "\"";
  }

  @Override
  public String getSearchStringEscape() {
    return String.valueOf(NamePattern.ESCAPE);
  }

  @Override
  public String getExtraNameCharacters() {
    return "";
  }

  @Override
  public String getSQLKeywords() {
    return "LIMIT,OFFSET";
  }

  @Override
  public String getNumericFunctions() {
    return "ABS,CEIL,CEILING,EXP,FLOOR,LN,LOG10,MOD,POWER,ROUND,SIGN,SQRT";
  }

  @Override
  public String getStringFunctions() {
    return "CHAR_LENGTH,CHARACTER_LENGTH,LOWER,POSITION,REPLACE,SUBSTRING,TRIM,UPPER";
  }

  @Override
  public String getSystemFunctions() {
    return "COALESCE,NULLIF";
  }

  @Override
  public String getTimeDateFunctions() {
    return "CURRENT_DATE,CURRENT_TIME,CURRENT_TIMESTAMP,EXTRACT";
  }

  @Override
  public String getSchemaTerm() {
    return "schema";
  }

  @Override
  public String getProcedureTerm() {
    return "procedure";
  }

  @Override
  public String getCatalogTerm() {
    return "catalog";
  }

  @Override
  public String getCatalogSeparator() {
    return "";
  }

  @Override
  public boolean isCatalogAtStart() {
    return false;
  }

  @Override
  public int getSQLStateType() {
    return sqlStateSQL;
  }

  @Override
  public RowIdLifetime getRowIdLifetime() {
    return RowIdLifetime.ROWID_UNSUPPORTED;
  }

  @Override
  public boolean storesLowerCaseIdentifiers() {
    return false;
  }

  @Override
  public boolean storesUpperCaseIdentifiers() {
    return false;
  }

  @Override
  public boolean storesMixedCaseIdentifiers() {
    return true; // kept as written and matched ignoring case, as in SQLite
  }

  @Override
  public boolean supportsMixedCaseIdentifiers() {
    return false;
  }

  @Override
  public boolean storesMixedCaseQuotedIdentifiers() {
    return true;
  }

  @Override
  public boolean supportsMixedCaseQuotedIdentifiers() {
    return false; // quoted names also match ignoring case
  }

  @Override
  public boolean storesLowerCaseQuotedIdentifiers() {
    return false;
  }

  @Override
  public boolean storesUpperCaseQuotedIdentifiers() {
    return false;
  }

  // ---- limits: 0 means none known

  @Override
  public int getMaxBinaryLiteralLength() {
    return 0;
  }

  @Override
  public int getMaxCharLiteralLength() {
    return 0;
  }

  @Override
  public int getMaxColumnNameLength() {
    return 0;
  }

  @Override
  public int getMaxColumnsInGroupBy() {
    return 0;
  }

  @Override
  public int getMaxColumnsInIndex() {
    return 0;
  }

  @Override
  public int getMaxColumnsInOrderBy() {
    return 0;
  }

  @Override
  public int getMaxColumnsInSelect() {
    return 0;
  }

  @Override
  public int getMaxColumnsInTable() {
    return 2000; // SQLite's default SQLITE_MAX_COLUMN
  }

  @Override
  public int getMaxConnections() {
    return 0;
  }

  @Override
  public int getMaxCursorNameLength() {
    return 0;
  }

  @Override
  public int getMaxIndexLength() {
    return 0;
  }

  @Override
  public int getMaxSchemaNameLength() {
    return 0;
  }

  @Override
  public int getMaxProcedureNameLength() {
    return 0;
  }

  @Override
  public int getMaxCatalogNameLength() {
    return 0;
  }

  @Override
  public int getMaxRowSize() {
    return 0;
  }

  @Override
  public boolean doesMaxRowSizeIncludeBlobs() {
    return false;
  }

  @Override
  public int getMaxStatementLength() {
    return 0;
  }

  @Override
  public int getMaxStatements() {
    return 0;
  }

  @Override
  public int getMaxTableNameLength() {
    return 0;
  }

  @Override
  public int getMaxTablesInSelect() {
    return 0;
  }

  @Override
  public int getMaxUserNameLength() {
    return 0;
  }

  // ---- transactions

  @Override
  public boolean supportsTransactions() {
    return true;
  }

  @Override
  public int getDefaultTransactionIsolation() {
    return Connection.TRANSACTION_SERIALIZABLE;
  }

  @Override
  public boolean supportsTransactionIsolationLevel(int level) {
    return level == Connection.TRANSACTION_SERIALIZABLE;
  }

  @Override
  public boolean supportsDataDefinitionAndDataManipulationTransactions() {
    return true; // schema changes are operations of the same transaction
  }

  @Override
  public boolean supportsDataManipulationTransactionsOnly() {
    return false;
  }

  @Override
  public boolean dataDefinitionCausesTransactionCommit() {
    return false;
  }

  @Override
  public boolean dataDefinitionIgnoredInTransactions() {
    return false;
  }

  @Override
  public boolean supportsMultipleTransactions() {
    return true;
  }

  @Override
  public boolean supportsSavepoints() {
    return true;
  }

  @Override
  public boolean supportsOpenCursorsAcrossCommit() {
    return true;
  }

  @Override
  public boolean supportsOpenCursorsAcrossRollback() {
    return true;
  }

  @Override
  public boolean supportsOpenStatementsAcrossCommit() {
    return true;
  }

  @Override
  public boolean supportsOpenStatementsAcrossRollback() {
    return true;
  }

  @Override
  public boolean autoCommitFailureClosesAllResultSets() {
    return false;
  }

  // ---- result sets and statements

  @Override
  public boolean supportsResultSetType(int type) {
    return type == ResultSet.TYPE_FORWARD_ONLY || type == ResultSet.TYPE_SCROLL_INSENSITIVE;
  }

  @Override
  public boolean supportsResultSetConcurrency(int type, int concurrency) {
    return supportsResultSetType(type)
        && (concurrency == ResultSet.CONCUR_READ_ONLY || concurrency == ResultSet.CONCUR_UPDATABLE);
  }

  @Override
  public boolean supportsResultSetHoldability(int holdability) {
    return holdability == ResultSet.HOLD_CURSORS_OVER_COMMIT;
  }

  @Override
  public int getResultSetHoldability() {
    return ResultSet.HOLD_CURSORS_OVER_COMMIT;
  }

  @Override
  public boolean ownUpdatesAreVisible(int type) {
    return supportsResultSetType(type); // an updated row is read back
  }

  @Override
  public boolean ownDeletesAreVisible(int type) {
    return supportsResultSetType(type); // a deleted row stays, with rowDeleted() true
  }

  @Override
  public boolean ownInsertsAreVisible(int type) {
    return false;
  }

  @Override
  public boolean othersUpdatesAreVisible(int type) {
    return false;
  }

  @Override
  public boolean othersDeletesAreVisible(int type) {
    return false;
  }

  @Override
  public boolean othersInsertsAreVisible(int type) {
    return false;
  }

  @Override
  public boolean updatesAreDetected(int type) {
    return supportsResultSetType(type);
  }

  @Override
  public boolean deletesAreDetected(int type) {
    return supportsResultSetType(type);
  }

  @Override
  public boolean insertsAreDetected(int type) {
    return false;
  }

  @Override
  public boolean supportsBatchUpdates() {
    return true;
  }

  @Override
  public boolean supportsGetGeneratedKeys() {
    return true;
  }

  @Override
  public boolean generatedKeyAlwaysReturned() {
    return true;
  }

  @Override
  public boolean supportsNamedParameters() {
    return false;
  }

  @Override
  public boolean supportsMultipleOpenResults() {
    return false;
  }

  @Override
  public boolean supportsMultipleResultSets() {
    return false;
  }

  @Override
  public boolean supportsStatementPooling() {
    return false;
  }

  @Override
  public boolean supportsPositionedDelete() {
    return false;
  }

  @Override
  public boolean supportsPositionedUpdate() {
    return false;
  }

  @Override
  public boolean supportsSelectForUpdate() {
    return false;
  }

  @Override
  public boolean supportsStoredProcedures() {
    return false;
  }

  @Override
  public boolean supportsStoredFunctionsUsingCallSyntax() {
    return false;
  }

  @Override
  public boolean allProceduresAreCallable() {
    return false;
  }

  @Override
  public boolean allTablesAreSelectable() {
    return true;
  }

  @Override
  public boolean locatorsUpdateCopy() {
    return true; // LOBs are handed out as copies
  }

  @Override
  public boolean usesLocalFiles() {
    return true;
  }

  @Override
  public boolean usesLocalFilePerTable() {
    return false;
  }

  // ---- SQL features

  @Override
  public boolean nullsAreSortedHigh() {
    return false;
  }

  @Override
  public boolean nullsAreSortedLow() {
    return true; // SQLite orders NULL before every other value
  }

  @Override
  public boolean nullsAreSortedAtStart() {
    return false;
  }

  @Override
  public boolean nullsAreSortedAtEnd() {
    return false;
  }

  @Override
  public boolean nullPlusNonNullIsNull() {
    return true;
  }

  @Override
  public boolean supportsAlterTableWithAddColumn() {
    return true;
  }

  @Override
  public boolean supportsAlterTableWithDropColumn() {
    return false;
  }

  @Override
  public boolean supportsColumnAliasing() {
    return true;
  }

  @Override
  public boolean supportsConvert() {
    return false;
  }

  @Override
  public boolean supportsConvert(int fromType, int toType) {
    return false;
  }

  @Override
  public boolean supportsTableCorrelationNames() {
    return true;
  }

  @Override
  public boolean supportsDifferentTableCorrelationNames() {
    return false;
  }

  @Override
  public boolean supportsExpressionsInOrderBy() {
    return true;
  }

  @Override
  public boolean supportsOrderByUnrelated() {
    return true;
  }

  @Override
  public boolean supportsGroupBy() {
    return true;
  }

  @Override
  public boolean supportsGroupByUnrelated() {
    return true;
  }

  @Override
  public boolean supportsGroupByBeyondSelect() {
    return true;
  }

  @Override
  public boolean supportsLikeEscapeClause() {
    return true;
  }

  @Override
  public boolean supportsNonNullableColumns() {
    return true;
  }

  @Override
  public boolean supportsMinimumSQLGrammar() {
    return true;
  }

  @Override
  public boolean supportsCoreSQLGrammar() {
    return false;
  }

  @Override
  public boolean supportsExtendedSQLGrammar() {
    return false;
  }

  @Override
  public boolean supportsANSI92EntryLevelSQL() {
    return true;
  }

  @Override
  public boolean supportsANSI92IntermediateSQL() {
    return false;
  }

  @Override
  public boolean supportsANSI92FullSQL() {
    return false;
  }

  @Override
  public boolean supportsIntegrityEnhancementFacility() {
    return false;
  }

  @Override
  public boolean supportsOuterJoins() {
    return true;
  }

  @Override
  public boolean supportsFullOuterJoins() {
    return true;
  }

  @Override
  public boolean supportsLimitedOuterJoins() {
    return true;
  }

  @Override
  public boolean supportsSchemasInDataManipulation() {
    return true; // main.album names the same table as album
  }

  @Override
  public boolean supportsSchemasInProcedureCalls() {
    return false;
  }

  @Override
  public boolean supportsSchemasInTableDefinitions() {
    return true; // main.album names the same table as album
  }

  @Override
  public boolean supportsSchemasInIndexDefinitions() {
    return true; // main.album names the same table as album
  }

  @Override
  public boolean supportsSchemasInPrivilegeDefinitions() {
    return false;
  }

  @Override
  public boolean supportsCatalogsInDataManipulation() {
    return false;
  }

  @Override
  public boolean supportsCatalogsInProcedureCalls() {
    return false;
  }

  @Override
  public boolean supportsCatalogsInTableDefinitions() {
    return false;
  }

  @Override
  public boolean supportsCatalogsInIndexDefinitions() {
    return false;
  }

  @Override
  public boolean supportsCatalogsInPrivilegeDefinitions() {
    return false;
  }

  @Override
  public boolean supportsSubqueriesInComparisons() {
    return true;
  }

  @Override
  public boolean supportsSubqueriesInExists() {
    return true;
  }

  @Override
  public boolean supportsSubqueriesInIns() {
    return true;
  }

  @Override
  public boolean supportsSubqueriesInQuantifieds() {
    return true;
  }

  @Override
  public boolean supportsCorrelatedSubqueries() {
    return true;
  }

  @Override
  public boolean supportsUnion() {
    return true;
  }

  @Override
  public boolean supportsUnionAll() {
    return true;
  }
}
