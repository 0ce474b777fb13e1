package io.pluresdb.sql.pragma;

import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.schema.IndexDef;
import io.pluresdb.crdt.schema.Names;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.crdt.schema.TriggerDef;
import io.pluresdb.crdt.schema.ViewDef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SQLite's {@code sqlite_schema} table (and its older name {@code sqlite_master}) over the catalog:
 * one row per table, index, view and trigger with its CREATE text. It is planned as a view whose
 * query is a UNION ALL of literal rows, added to the catalog only for statements that name it, so
 * that it is validated, pushed down and inlined like any view and costs nothing elsewhere. The real
 * {@code sqlite_schema} of the store is never read: it holds the store's own tables and columns.
 */
public final class SqliteSchema {
  private static final List<String> NAMES = List.of("sqlite_schema", "sqlite_master");

  /** SQLite allows at most 500 terms in one compound SELECT; rows are grouped below that. */
  private static final int TERMS = 400;

  private static final List<ColumnDef> COLUMNS =
      List.of(
          ColumnDef.of("type", ColumnType.VARCHAR),
          ColumnDef.of("name", ColumnType.VARCHAR),
          ColumnDef.of("tbl_name", ColumnType.VARCHAR),
          ColumnDef.of("rootpage", ColumnType.BIGINT),
          ColumnDef.of("sql", ColumnType.VARCHAR));

  private SqliteSchema() {}

  /** The catalog a statement is planned against: with the schema views if it names one. */
  public static Catalog forStatement(Catalog catalog, String sql) {
    String lower = sql.toLowerCase(Locale.ROOT);
    if (!lower.contains("sqlite_schema") && !lower.contains("sqlite_master")) {
      return catalog;
    }
    Map<String, ViewDef> views = Names.copy(catalog.views());
    String query = query(catalog);
    for (String name : NAMES) {
      if (catalog.table(name) == null && !views.containsKey(name)) {
        views.put(name, new ViewDef(name, query, COLUMNS));
      }
    }
    return catalog.with(catalog.version(), catalog.tables(), catalog.indexes(), views);
  }

  private static String query(Catalog catalog) {
    List<String> rows = new ArrayList<>();
    catalog.tables().values().stream()
        .sorted(Comparator.comparing(TableDef::name))
        .forEach(t -> rows.add(row("table", t.name(), t.name(), CreateText.table(t))));
    catalog.indexes().values().stream()
        .sorted(Comparator.comparing(IndexDef::name))
        .forEach(ix -> rows.add(row("index", ix.name(), ix.table(), CreateText.index(ix))));
    catalog.views().values().stream()
        .sorted(Comparator.comparing(ViewDef::name))
        .forEach(v -> rows.add(row("view", v.name(), v.name(), viewText(v))));
    catalog.triggers().values().stream()
        .sorted(Comparator.comparing(TriggerDef::name))
        .forEach(tr -> rows.add(row("trigger", tr.name(), tr.table(), tr.sql())));
    if (rows.isEmpty()) {
      return "SELECT * FROM (" + row("table", "", "", "") + ") AS e WHERE 1 = 0";
    }
    if (rows.size() <= TERMS) {
      return String.join(" UNION ALL ", rows);
    }
    List<String> groups = new ArrayList<>();
    for (int i = 0; i < rows.size(); i += TERMS) {
      groups.add(
          "SELECT * FROM ("
              + String.join(" UNION ALL ", rows.subList(i, Math.min(rows.size(), i + TERMS)))
              + ") AS g"
              + groups.size());
    }
    return String.join(" UNION ALL ", groups);
  }

  private static String viewText(ViewDef v) {
    String sql = v.sql().strip();
    return sql.regionMatches(true, 0, "CREATE", 0, 6)
        ? sql
        : "CREATE VIEW " + CreateText.quote(v.name()) + " AS " + sql;
  }

  private static String row(String type, String name, String table, String sql) {
    return "SELECT CAST("
        + literal(type)
        + " AS VARCHAR) AS \"type\", CAST("
        + literal(name)
        + " AS VARCHAR) AS \"name\", CAST("
        + literal(table)
        + " AS VARCHAR) AS \"tbl_name\", CAST(0 AS BIGINT) AS \"rootpage\", CAST("
        + literal(sql)
        + " AS VARCHAR) AS \"sql\"";
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
