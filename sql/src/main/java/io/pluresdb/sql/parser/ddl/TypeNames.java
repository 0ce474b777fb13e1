package io.pluresdb.sql.parser.ddl;

import io.pluresdb.crdt.schema.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParserUtil;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Maps the type names that DDL uses (SQL standard, SQLite, PostgreSQL and MySQL spellings) to
 * {@link ColumnType}s, plus small helpers the generated parser calls while building DDL nodes.
 */
public final class TypeNames {
  private TypeNames() {}

  /**
   * The declared type for a name as the grammar normalized it, or null when the name is not a type
   * PluresDB knows.
   */
  /**
   * The type of a name no spelling above knows, by SQLite's affinity rules (datatype3.html,
   * "Determination Of Column Affinity"), in their order: a name containing INT is an integer
   * (SQLite's are 64-bit), CHAR, CLOB or TEXT is text, BLOB is a blob, REAL, FLOA or DOUB is a
   * double, anything else numeric. So a schema written for SQLite (UNSIGNED BIG INT, NATIVE
   * CHARACTER(70), MONEY) declares what SQLite would store.
   */
  static ColumnType sqliteAffinity(String upper) {
    if (upper.contains("INT")) {
      return ColumnType.BIGINT;
    }
    if (upper.contains("CHAR") || upper.contains("CLOB") || upper.contains("TEXT")) {
      return ColumnType.VARCHAR;
    }
    if (upper.contains("BLOB")) {
      return ColumnType.BLOB;
    }
    if (upper.contains("REAL") || upper.contains("FLOA") || upper.contains("DOUB")) {
      return ColumnType.DOUBLE;
    }
    return ColumnType.DECIMAL;
  }

  /** Words that end a type name: the column constraints that may follow it. */
  private static final java.util.Set<String> AFTER_TYPE =
      java.util.Set.of(
          "CONSTRAINT",
          "NOT",
          "NULL",
          "PRIMARY",
          "UNIQUE",
          "DEFAULT",
          "CHECK",
          "REFERENCES",
          "AUTOINCREMENT",
          "AUTO_INCREMENT",
          "GENERATED",
          "COLLATE",
          "AS",
          "ON",
          "WITH",
          "WITHOUT",
          "IDENTITY",
          "HIDDEN");

  /**
   * The type of a column declared without one. SQLite gives it no affinity: it holds any value as
   * given, as a BLOB column does in SQLite; the catalog's type for that is {@link ColumnType#ANY}.
   */
  public static final TypeDecl UNTYPED = new TypeDecl(ColumnType.ANY, "", 0, 0, "");

  /**
   * Whether a column's definition goes on with a type at {@code t}: not when it ends there or a
   * column constraint follows at once.
   */
  public static boolean startsType(String image) {
    return !image.equals(",")
        && !image.equals(")")
        && !AFTER_TYPE.contains(image.toUpperCase(Locale.ROOT));
  }

  /** A column's collation name in upper case, or null for none. */
  public static @Nullable String collation(@Nullable SqlIdentifier name) {
    return name == null ? null : name.getSimple().toUpperCase(Locale.ROOT);
  }

  /** Whether the next token's text continues a multi-word type name. */
  public static boolean continuesTypeName(String image) {
    return !image.isEmpty()
        && Character.isLetter(image.charAt(0))
        && image.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_')
        && !AFTER_TYPE.contains(image.toUpperCase(Locale.ROOT));
  }

  public static @Nullable TypeDecl resolve(
      String name, int precision, int scale, boolean withTimeZone) {
    String upper = name.toUpperCase(Locale.ROOT);
    ColumnType type =
        switch (upper) {
          case "INTEGER", "INT", "INT4", "MEDIUMINT" -> ColumnType.INTEGER;
          case "BIGINT", "INT8", "LONG" -> ColumnType.BIGINT;
          case "SMALLINT", "INT2" -> ColumnType.SMALLINT;
          case "TINYINT" -> ColumnType.TINYINT;
          case "BOOLEAN", "BOOL" -> ColumnType.BOOLEAN;
          case "REAL", "FLOAT4" -> ColumnType.REAL;
          // SQL's FLOAT without a precision is double precision, as in PostgreSQL.
          case "FLOAT", "DOUBLE", "FLOAT8" -> ColumnType.DOUBLE;
          case "DECIMAL", "NUMERIC" -> ColumnType.DECIMAL;
          case "CHAR" -> ColumnType.CHAR;
          // TEXT is unbounded VARCHAR, as PostgreSQL's JDBC driver reports it.
          case "VARCHAR",
              "TEXT",
              "STRING",
              "VARCHAR2",
              "NVARCHAR",
              "LONGVARCHAR",
              "MEDIUMTEXT",
              "LONGTEXT" ->
              ColumnType.VARCHAR;
          // A UUID is kept as its 36-character text; declaredName() still says UUID.
          case "UUID" -> ColumnType.CHAR;
          case "CLOB" -> ColumnType.CLOB;
          case "BINARY" -> ColumnType.BINARY;
          case "VARBINARY" -> ColumnType.VARBINARY;
          case "BLOB", "BYTEA", "LONGVARBINARY" -> ColumnType.BLOB;
          case "DATE" -> ColumnType.DATE;
          case "TIME" -> ColumnType.TIME;
          case "TIMESTAMP", "DATETIME" ->
              withTimeZone ? ColumnType.TIMESTAMP_WITH_TIME_ZONE : ColumnType.TIMESTAMP;
          case "TIMESTAMPTZ" -> ColumnType.TIMESTAMP_WITH_TIME_ZONE;
          case "JSON", "JSONB" -> ColumnType.JSON;
          case "VECTOR" -> ColumnType.VECTOR;
          case "COUNTER" -> ColumnType.COUNTER;
          // collaborative text: concurrent edits of one value both survive (a sequence CRDT)
          case "TEXT MERGEABLE", "MERGEABLE TEXT", "MERGEABLE_TEXT" -> ColumnType.MERGEABLE_TEXT;
          // a JSON document that merges per path; a plain JSON column keeps its text as written
          case "JSON MERGEABLE", "MERGEABLE JSON", "MERGEABLE_JSON" -> ColumnType.MERGEABLE_JSON;
          default -> sqliteAffinity(upper);
        };
    // FLOAT(p) with p <= 24 is single precision (SQL standard, PostgreSQL).
    if (upper.equals("FLOAT") && precision > 0 && precision <= 24) {
      type = ColumnType.REAL;
    }
    if (upper.equals("UUID")) {
      return new TypeDecl(type, upper, 36, 0);
    }
    boolean keepsPrecision =
        switch (type) {
          case DECIMAL, CHAR, VARCHAR, BINARY, VARBINARY, VECTOR -> true;
          default -> false;
        };
    return new TypeDecl(type, upper, keepsPrecision ? precision : 0, keepsPrecision ? scale : 0);
  }

  /** The simple names of a list of identifiers. */
  public static List<String> names(SqlNodeList ids) {
    List<String> names = new ArrayList<>(ids.size());
    for (SqlNode id : ids) {
      names.add(((SqlIdentifier) id).getSimple());
    }
    return List.copyOf(names);
  }

  /**
   * The text of {@code sql} from (beginLine, beginColumn) to (endLine, endColumn), inclusive and
   * 1-based as the parser counts them; null when the statement's text is not known.
   */
  public static @Nullable String sourceText(
      @Nullable String sql, int beginLine, int beginColumn, int endLine, int endColumn) {
    if (sql == null) {
      return null;
    }
    int begin = SqlParserUtil.lineColToIndex(sql, beginLine, beginColumn);
    int end = SqlParserUtil.lineColToIndex(sql, endLine, endColumn) + 1;
    return begin < 0 || end > sql.length() || begin >= end ? null : sql.substring(begin, end);
  }

  /** The simple name of an optional identifier. */
  public static @Nullable String name(@Nullable SqlIdentifier id) {
    return id == null ? null : id.getSimple();
  }
}
