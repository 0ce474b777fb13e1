package io.pluresdb.engine.policy;

import io.pluresdb.crdt.store.StoreConfig;
import io.pluresdb.sql.catalog.SystemTables;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The {@code sys_policies} view: the row policies of the committed catalog, as PostgreSQL's {@code
 * pg_policies} names them ({@link SystemTables#SYS_POLICIES_COLUMNS}), read by SQLite from the
 * catalog the store keeps in {@code _pl_meta}, so it follows DDL from this node and from peers.
 */
public final class SysPolicies {
  static final String VIEW_SQL =
      "CREATE TEMP VIEW IF NOT EXISTS "
          + SystemTables.SYS_POLICIES
          + " AS SELECT json_extract(p.value, '$.table') AS \"tablename\","
          + " json_extract(p.value, '$.name') AS \"policyname\","
          + " json_extract(p.value, '$.command') AS \"cmd\","
          + " json_extract(p.value, '$.using') AS \"qual\","
          + " json_extract(p.value, '$.check') AS \"with_check\""
          + " FROM main._pl_meta AS m, json_each(m.v, '$.policies') AS p WHERE m.k = 'catalog'";

  private SysPolicies() {}

  /** The config with the view on each connection, after its own setup. */
  public static StoreConfig configure(StoreConfig config) {
    return config.alsoInitializing(SysPolicies::install);
  }

  static void install(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(VIEW_SQL);
    }
  }
}
