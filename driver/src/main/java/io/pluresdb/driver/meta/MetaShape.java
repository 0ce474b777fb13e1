package io.pluresdb.driver.meta;

import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.sql.read.ColumnMeta;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns of every {@code DatabaseMetaData} result set, with the names, order and types the
 * JDBC javadoc specifies. Written as {@code NAME:t} where t is s (VARCHAR), i (INTEGER), h
 * (SMALLINT), l (BIGINT) or b (BOOLEAN).
 */
final class MetaShape {
  private MetaShape() {}

  static List<ColumnMeta> of(String... specs) {
    List<ColumnMeta> columns = new ArrayList<>(specs.length);
    for (String spec : specs) {
      int colon = spec.indexOf(':');
      String name = spec.substring(0, colon);
      ColumnType type =
          switch (spec.charAt(colon + 1)) {
            case 's' -> ColumnType.VARCHAR;
            case 'i' -> ColumnType.INTEGER;
            case 'h' -> ColumnType.SMALLINT;
            case 'l' -> ColumnType.BIGINT;
            case 'b' -> ColumnType.BOOLEAN;
            default -> throw new IllegalArgumentException(spec);
          };
      columns.add(new ColumnMeta(name, name, "", type, 0, 0, true, false));
    }
    return List.copyOf(columns);
  }

  static final List<ColumnMeta> CATALOGS = of("TABLE_CAT:s");
  static final List<ColumnMeta> SCHEMAS = of("TABLE_SCHEM:s", "TABLE_CATALOG:s");
  static final List<ColumnMeta> TABLE_TYPES = of("TABLE_TYPE:s");
  static final List<ColumnMeta> TABLES =
      of(
          "TABLE_CAT:s",
          "TABLE_SCHEM:s",
          "TABLE_NAME:s",
          "TABLE_TYPE:s",
          "REMARKS:s",
          "TYPE_CAT:s",
          "TYPE_SCHEM:s",
          "TYPE_NAME:s",
          "SELF_REFERENCING_COL_NAME:s",
          "REF_GENERATION:s");
  static final List<ColumnMeta> COLUMNS =
      of(
          "TABLE_CAT:s",
          "TABLE_SCHEM:s",
          "TABLE_NAME:s",
          "COLUMN_NAME:s",
          "DATA_TYPE:i",
          "TYPE_NAME:s",
          "COLUMN_SIZE:i",
          "BUFFER_LENGTH:i",
          "DECIMAL_DIGITS:i",
          "NUM_PREC_RADIX:i",
          "NULLABLE:i",
          "REMARKS:s",
          "COLUMN_DEF:s",
          "SQL_DATA_TYPE:i",
          "SQL_DATETIME_SUB:i",
          "CHAR_OCTET_LENGTH:i",
          "ORDINAL_POSITION:i",
          "IS_NULLABLE:s",
          "SCOPE_CATALOG:s",
          "SCOPE_SCHEMA:s",
          "SCOPE_TABLE:s",
          "SOURCE_DATA_TYPE:h",
          "IS_AUTOINCREMENT:s",
          "IS_GENERATEDCOLUMN:s");
  static final List<ColumnMeta> PRIMARY_KEYS =
      of("TABLE_CAT:s", "TABLE_SCHEM:s", "TABLE_NAME:s", "COLUMN_NAME:s", "KEY_SEQ:h", "PK_NAME:s");
  static final List<ColumnMeta> INDEX_INFO =
      of(
          "TABLE_CAT:s",
          "TABLE_SCHEM:s",
          "TABLE_NAME:s",
          "NON_UNIQUE:b",
          "INDEX_QUALIFIER:s",
          "INDEX_NAME:s",
          "TYPE:h",
          "ORDINAL_POSITION:h",
          "COLUMN_NAME:s",
          "ASC_OR_DESC:s",
          "CARDINALITY:l",
          "PAGES:l",
          "FILTER_CONDITION:s");
  static final List<ColumnMeta> KEYS =
      of(
          "PKTABLE_CAT:s",
          "PKTABLE_SCHEM:s",
          "PKTABLE_NAME:s",
          "PKCOLUMN_NAME:s",
          "FKTABLE_CAT:s",
          "FKTABLE_SCHEM:s",
          "FKTABLE_NAME:s",
          "FKCOLUMN_NAME:s",
          "KEY_SEQ:h",
          "UPDATE_RULE:h",
          "DELETE_RULE:h",
          "FK_NAME:s",
          "PK_NAME:s",
          "DEFERRABILITY:h");
  static final List<ColumnMeta> TYPE_INFO =
      of(
          "TYPE_NAME:s",
          "DATA_TYPE:i",
          "PRECISION:i",
          "LITERAL_PREFIX:s",
          "LITERAL_SUFFIX:s",
          "CREATE_PARAMS:s",
          "NULLABLE:h",
          "CASE_SENSITIVE:b",
          "SEARCHABLE:h",
          "UNSIGNED_ATTRIBUTE:b",
          "FIXED_PREC_SCALE:b",
          "AUTO_INCREMENT:b",
          "LOCAL_TYPE_NAME:s",
          "MINIMUM_SCALE:h",
          "MAXIMUM_SCALE:h",
          "SQL_DATA_TYPE:i",
          "SQL_DATETIME_SUB:i",
          "NUM_PREC_RADIX:i");
  static final List<ColumnMeta> BEST_ROW =
      of(
          "SCOPE:h",
          "COLUMN_NAME:s",
          "DATA_TYPE:i",
          "TYPE_NAME:s",
          "COLUMN_SIZE:i",
          "BUFFER_LENGTH:i",
          "DECIMAL_DIGITS:h",
          "PSEUDO_COLUMN:h");
  static final List<ColumnMeta> VERSION_COLUMNS =
      of(
          "SCOPE:h",
          "COLUMN_NAME:s",
          "DATA_TYPE:i",
          "TYPE_NAME:s",
          "COLUMN_SIZE:i",
          "BUFFER_LENGTH:i",
          "DECIMAL_DIGITS:h",
          "PSEUDO_COLUMN:h");
  static final List<ColumnMeta> PROCEDURES =
      of(
          "PROCEDURE_CAT:s",
          "PROCEDURE_SCHEM:s",
          "PROCEDURE_NAME:s",
          "RESERVED1:s",
          "RESERVED2:s",
          "RESERVED3:s",
          "REMARKS:s",
          "PROCEDURE_TYPE:h",
          "SPECIFIC_NAME:s");
  static final List<ColumnMeta> PROCEDURE_COLUMNS =
      of(
          "PROCEDURE_CAT:s",
          "PROCEDURE_SCHEM:s",
          "PROCEDURE_NAME:s",
          "COLUMN_NAME:s",
          "COLUMN_TYPE:h",
          "DATA_TYPE:i",
          "TYPE_NAME:s",
          "PRECISION:i",
          "LENGTH:i",
          "SCALE:h",
          "RADIX:h",
          "NULLABLE:h",
          "REMARKS:s",
          "COLUMN_DEF:s",
          "SQL_DATA_TYPE:i",
          "SQL_DATETIME_SUB:i",
          "CHAR_OCTET_LENGTH:i",
          "ORDINAL_POSITION:i",
          "IS_NULLABLE:s",
          "SPECIFIC_NAME:s");
  static final List<ColumnMeta> FUNCTIONS =
      of(
          "FUNCTION_CAT:s",
          "FUNCTION_SCHEM:s",
          "FUNCTION_NAME:s",
          "REMARKS:s",
          "FUNCTION_TYPE:h",
          "SPECIFIC_NAME:s");
  static final List<ColumnMeta> FUNCTION_COLUMNS =
      of(
          "FUNCTION_CAT:s",
          "FUNCTION_SCHEM:s",
          "FUNCTION_NAME:s",
          "COLUMN_NAME:s",
          "COLUMN_TYPE:h",
          "DATA_TYPE:i",
          "TYPE_NAME:s",
          "PRECISION:i",
          "LENGTH:i",
          "SCALE:h",
          "RADIX:h",
          "NULLABLE:h",
          "REMARKS:s",
          "CHAR_OCTET_LENGTH:i",
          "ORDINAL_POSITION:i",
          "IS_NULLABLE:s",
          "SPECIFIC_NAME:s");
  static final List<ColumnMeta> UDTS =
      of(
          "TYPE_CAT:s",
          "TYPE_SCHEM:s",
          "TYPE_NAME:s",
          "CLASS_NAME:s",
          "DATA_TYPE:i",
          "REMARKS:s",
          "BASE_TYPE:h");
  static final List<ColumnMeta> SUPER_TYPES =
      of(
          "TYPE_CAT:s",
          "TYPE_SCHEM:s",
          "TYPE_NAME:s",
          "SUPERTYPE_CAT:s",
          "SUPERTYPE_SCHEM:s",
          "SUPERTYPE_NAME:s");
  static final List<ColumnMeta> SUPER_TABLES =
      of("TABLE_CAT:s", "TABLE_SCHEM:s", "TABLE_NAME:s", "SUPERTABLE_NAME:s");
  static final List<ColumnMeta> ATTRIBUTES =
      of(
          "TYPE_CAT:s",
          "TYPE_SCHEM:s",
          "TYPE_NAME:s",
          "ATTR_NAME:s",
          "DATA_TYPE:i",
          "ATTR_TYPE_NAME:s",
          "ATTR_SIZE:i",
          "DECIMAL_DIGITS:i",
          "NUM_PREC_RADIX:i",
          "NULLABLE:i",
          "REMARKS:s",
          "ATTR_DEF:s",
          "SQL_DATA_TYPE:i",
          "SQL_DATETIME_SUB:i",
          "CHAR_OCTET_LENGTH:i",
          "ORDINAL_POSITION:i",
          "IS_NULLABLE:s",
          "SCOPE_CATALOG:s",
          "SCOPE_SCHEMA:s",
          "SCOPE_TABLE:s",
          "SOURCE_DATA_TYPE:h");
  static final List<ColumnMeta> TABLE_PRIVILEGES =
      of(
          "TABLE_CAT:s",
          "TABLE_SCHEM:s",
          "TABLE_NAME:s",
          "GRANTOR:s",
          "GRANTEE:s",
          "PRIVILEGE:s",
          "IS_GRANTABLE:s");
  static final List<ColumnMeta> COLUMN_PRIVILEGES =
      of(
          "TABLE_CAT:s",
          "TABLE_SCHEM:s",
          "TABLE_NAME:s",
          "COLUMN_NAME:s",
          "GRANTOR:s",
          "GRANTEE:s",
          "PRIVILEGE:s",
          "IS_GRANTABLE:s");
  static final List<ColumnMeta> PSEUDO_COLUMNS =
      of(
          "TABLE_CAT:s",
          "TABLE_SCHEM:s",
          "TABLE_NAME:s",
          "COLUMN_NAME:s",
          "DATA_TYPE:i",
          "COLUMN_SIZE:i",
          "DECIMAL_DIGITS:i",
          "NUM_PREC_RADIX:i",
          "COLUMN_USAGE:s",
          "REMARKS:s",
          "CHAR_OCTET_LENGTH:i",
          "IS_NULLABLE:s");
  static final List<ColumnMeta> CLIENT_INFO =
      of("NAME:s", "MAX_LEN:i", "DEFAULT_VALUE:s", "DESCRIPTION:s");
}
