package io.pluresdb.driver.meta;

import java.util.List;

/**
 * The names metadata gives to keys declared without one: {@code PK_album}, {@code album_title_key},
 * {@code album_artist_id_fkey}. Primary keys are named as jOOQ's generic metadata reader names them
 * (it links a foreign key to the referenced table's key by that name, and drops the foreign key
 * when they differ); the others follow PostgreSQL.
 */
final class KeyNames {
  private KeyNames() {}

  static String primaryKey(String table) {
    return "PK_" + table;
  }

  static String unique(String table, List<String> columns) {
    return table + "_" + String.join("_", columns) + "_key";
  }

  static String foreignKey(String table, String declared, List<String> columns) {
    return declared != null ? declared : table + "_" + String.join("_", columns) + "_fkey";
  }
}
