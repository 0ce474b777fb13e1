package io.pluresdb.store.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The tables a hub keeps in PostgreSQL, created when missing. Several hubs may start at once on a
 * new database: the creation runs under a transaction-scoped advisory lock, so they do not race on
 * PostgreSQL's catalog.
 */
final class PgSchema {
  /** The advisory lock key of the schema's creation. */
  static final long SCHEMA_LOCK = 0x706c5f736368656dL;

  /** The advisory lock key that orders appends to the log (see {@link PgLog#append}). */
  static final long APPEND_LOCK = 0x706c5f6c6f67L;

  /** The channel on which hubs wake each other after an append (see {@link PgWake}). */
  static final String CHANNEL = "pluresdb_log";

  private static final String[] DDL = {
    // one row per transaction: its position in the shared log, its id and author, the record bytes
    // exactly as signed by the author
    "CREATE TABLE IF NOT EXISTS pl_log (seq bigint PRIMARY KEY, tx_id bytea NOT NULL UNIQUE,"
        + " node bigint NOT NULL, record bytea NOT NULL,"
        + " appended_at timestamptz NOT NULL DEFAULT now())",
    // the newest transaction held of each writing node: the log's version vector
    "CREATE TABLE IF NOT EXISTS pl_heads (node bigint PRIMARY KEY, last_tx bytea NOT NULL)",
    // where each client's sessions left off in the log, on whichever hub
    "CREATE TABLE IF NOT EXISTS pl_cursors (client text PRIMARY KEY, seq bigint NOT NULL,"
        + " held bytea NOT NULL, saved_at timestamptz NOT NULL DEFAULT now())",
    // the database identity every hub of this store serves
    "CREATE TABLE IF NOT EXISTS pl_meta (key text PRIMARY KEY, value text NOT NULL)"
  };

  private PgSchema() {}

  /** Creates the tables that are missing. */
  static void create(Connection c) throws SQLException {
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      s.execute("SELECT pg_advisory_xact_lock(" + SCHEMA_LOCK + ")");
      for (String ddl : DDL) {
        s.execute(ddl);
      }
      c.commit();
    } catch (SQLException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(auto);
    }
  }
}
