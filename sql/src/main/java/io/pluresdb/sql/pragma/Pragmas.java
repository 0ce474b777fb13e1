package io.pluresdb.sql.pragma;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.schema.SchemaChange;
import io.pluresdb.sql.parser.pragma.SqlPragma;
import io.pluresdb.sql.read.ColumnMeta;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Answers SQLite's PRAGMA statements the way SQLite would for the user's schema.
 *
 * <ul>
 *   <li>The schema pragmas ({@code table_info}, {@code table_xinfo}, {@code index_list}, {@code
 *       index_info}, {@code foreign_key_list}, {@code table_list}) read the catalog.
 *   <li>Reading a setting answers what this store does ({@code foreign_keys} is 1: foreign keys are
 *       always enforced; {@code journal_mode} is {@code wal}).
 *   <li>Setting one that only tunes SQLite's own engine is accepted and changes nothing, since the
 *       store manages its connections itself.
 *   <li>{@code user_version} and {@code application_id} are kept in the catalog and replicate with
 *       the schema (see {@link io.pluresdb.crdt.schema.Setting}); setting one is a schema change
 *       ({@link #change}).
 *   <li>An unknown pragma is ignored and answers nothing, as SQLite does.
 * </ul>
 */
public final class Pragmas {
  private Pragmas() {}

  /** Settings and what reading them answers. */
  private static final Map<String, Object> VALUES =
      Map.ofEntries(
          Map.entry("foreign_keys", 1L),
          Map.entry("journal_mode", "wal"),
          Map.entry("synchronous", 1L),
          Map.entry("encoding", "UTF-8"),
          Map.entry("page_size", 4096L),
          Map.entry("cache_size", -2000L),
          Map.entry("temp_store", 0L),
          Map.entry("recursive_triggers", 0L),
          Map.entry("defer_foreign_keys", 0L),
          Map.entry("legacy_alter_table", 0L),
          Map.entry("automatic_index", 1L),
          Map.entry("auto_vacuum", 0L),
          Map.entry("query_only", 0L),
          Map.entry("read_uncommitted", 0L),
          Map.entry("secure_delete", 0L),
          Map.entry("integrity_check", "ok"),
          Map.entry("quick_check", "ok"),
          Map.entry("locking_mode", "normal"));

  /** Settings that only tune SQLite's engine: setting them changes nothing here. */
  private static final List<String> TUNING =
      List.of(
          "foreign_keys",
          "journal_mode",
          "synchronous",
          "encoding",
          "page_size",
          "cache_size",
          "temp_store",
          "busy_timeout",
          "automatic_index",
          "auto_vacuum",
          "mmap_size",
          "optimize",
          "wal_checkpoint",
          "wal_autocheckpoint",
          "locking_mode",
          "legacy_alter_table",
          "case_sensitive_like",
          "cache_spill",
          "threads",
          "soft_heap_limit",
          "hard_heap_limit",
          "shrink_memory");

  private static final String USER_VERSION = "user_version";
  private static final String APPLICATION_ID = "application_id";

  /**
   * The schema change a PRAGMA makes ({@code user_version = n}, {@code application_id(n)}), or null
   * for one that reads or changes nothing that is kept. The value is taken as SQLite takes it: its
   * leading integer (0 when there is none), as a signed 32-bit number.
   */
  public static SchemaChange.@Nullable SetPragma change(SqlPragma pragma) {
    String name = pragma.pragma();
    String arg = pragma.argument();
    if (arg == null || !(name.equals(USER_VERSION) || name.equals(APPLICATION_ID))) {
      return null;
    }
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("^\\s*'?\\s*([+-]?\\d+)").matcher(arg);
    long value = 0;
    if (m.find()) {
      String digits = m.group(1);
      try {
        value = Long.parseLong(digits);
      } catch (NumberFormatException tooLong) {
        value = digits.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
      }
    }
    return new SchemaChange.SetPragma(name, (int) value);
  }

  public static PragmaResult answer(SqlPragma pragma, Catalog catalog) throws SQLException {
    String name = pragma.pragma();
    String arg = pragma.argument();
    switch (name) {
      case "table_info", "table_xinfo" -> {
        boolean extended = name.equals("table_xinfo");
        List<ColumnMeta> cols =
            new ArrayList<>(
                List.of(
                    col("cid", ColumnType.INTEGER),
                    col("name", ColumnType.VARCHAR),
                    col("type", ColumnType.VARCHAR),
                    col("notnull", ColumnType.INTEGER),
                    col("dflt_value", ColumnType.VARCHAR),
                    col("pk", ColumnType.INTEGER)));
        if (extended) {
          cols.add(col("hidden", ColumnType.INTEGER));
        }
        return new PragmaResult(cols, SchemaPragmas.tableInfo(catalog, need(name, arg), extended));
      }
      case "index_list" -> {
        return new PragmaResult(
            List.of(
                col("seq", ColumnType.INTEGER),
                col("name", ColumnType.VARCHAR),
                col("unique", ColumnType.INTEGER),
                col("origin", ColumnType.VARCHAR),
                col("partial", ColumnType.INTEGER)),
            SchemaPragmas.indexList(catalog, need(name, arg)));
      }
      case "index_info" -> {
        return new PragmaResult(
            List.of(
                col("seqno", ColumnType.INTEGER),
                col("cid", ColumnType.INTEGER),
                col("name", ColumnType.VARCHAR)),
            SchemaPragmas.indexInfo(catalog, need(name, arg)));
      }
      case "foreign_key_list" -> {
        return new PragmaResult(
            List.of(
                col("id", ColumnType.INTEGER),
                col("seq", ColumnType.INTEGER),
                col("table", ColumnType.VARCHAR),
                col("from", ColumnType.VARCHAR),
                col("to", ColumnType.VARCHAR),
                col("on_update", ColumnType.VARCHAR),
                col("on_delete", ColumnType.VARCHAR),
                col("match", ColumnType.VARCHAR)),
            SchemaPragmas.foreignKeyList(catalog, need(name, arg)));
      }
      case "table_list" -> {
        return new PragmaResult(
            List.of(
                col("schema", ColumnType.VARCHAR),
                col("name", ColumnType.VARCHAR),
                col("type", ColumnType.VARCHAR),
                col("ncol", ColumnType.INTEGER),
                col("wr", ColumnType.INTEGER),
                col("strict", ColumnType.INTEGER)),
            SchemaPragmas.tableList(catalog));
      }
      case "database_list" -> {
        return new PragmaResult(
            List.of(
                col("seq", ColumnType.INTEGER),
                col("name", ColumnType.VARCHAR),
                col("file", ColumnType.VARCHAR)),
            List.<Object[]>of(new Object[] {0L, "main", ""}));
      }
      case "schema_version" -> {
        return single(name, catalog.version());
      }
      case USER_VERSION, APPLICATION_ID -> {
        return single(name, catalog.setting(name));
      }
      default -> {
        return setting(name, arg, pragma.assigned());
      }
    }
  }

  private static PragmaResult setting(String name, @Nullable String arg, boolean assigned)
      throws SQLException {
    if (arg == null) {
      Object value = VALUES.get(name);
      return value == null ? PragmaResult.none() : single(name, value);
    }
    Object known = VALUES.get(name);
    if (known != null && (name.equals("journal_mode") || (!assigned && !TUNING.contains(name)))) {
      // journal_mode answers the mode in effect; integrity_check(N), quick_check(t) their answer
      return single(name, known);
    }
    return PragmaResult.none();
  }

  private static String need(String pragma, @Nullable String arg) throws SQLException {
    if (arg == null || arg.isEmpty()) {
      throw Errors.of(
          SqlState.SYNTAX_ERROR, "PRAGMA " + pragma + " needs a name: " + pragma + "(name)");
    }
    return arg;
  }

  private static PragmaResult single(String name, Object value) {
    ColumnType type = value instanceof Long ? ColumnType.BIGINT : ColumnType.VARCHAR;
    return new PragmaResult(List.of(col(name, type)), List.<Object[]>of(new Object[] {value}));
  }

  private static ColumnMeta col(String name, ColumnType type) {
    return ColumnMeta.of(name, type);
  }
}
