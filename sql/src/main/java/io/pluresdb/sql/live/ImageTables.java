package io.pluresdb.sql.live;

/**
 * Names of the temporary tables that hold one entity's row image while a live query is re-checked
 * against it: the compiler redirects a probe to them and the engine fills them, so both read the
 * names from here.
 */
public final class ImageTables {
  private ImageTables() {}

  /** The temporary table holding the image of {@code table}. */
  public static String imageTable(String table) {
    return "_pl_live_" + table;
  }

  /** An identifier quoted as the SQLite dialect quotes it. */
  public static String quote(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
