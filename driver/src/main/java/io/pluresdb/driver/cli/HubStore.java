package io.pluresdb.driver.cli;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.store.Store;
import io.pluresdb.driver.jdbc.ConnectionImpl;
import io.pluresdb.store.postgres.PgHub;
import io.pluresdb.store.postgres.PgTarget;
import java.sql.Connection;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * {@code serve --store postgresql://…}: the hub keeps its store in PostgreSQL, shared with the
 * other hubs serving it. The hub's own copy is an in-memory database caught up from PostgreSQL at
 * start and kept in step after (see {@link PgHub#serve}); the role and password come from the
 * options, else the URI, else libpq's {@code PGUSER} and {@code PGPASSWORD}.
 */
final class HubStore {
  private HubStore() {}

  /** The JDBC URL of the hub's own copy: a memory database of its own. */
  static String localUrl() {
    return "jdbc:pluresdb:mem:hub-" + java.util.UUID.randomUUID();
  }

  /** Opens the PostgreSQL store {@code uri} and makes the store of {@code hub} serve it. */
  static PgHub attach(String uri, @Nullable String user, @Nullable String password, Connection hub)
      throws SQLException {
    PgTarget given = PgTarget.parse(uri, user, password);
    PgTarget target =
        new PgTarget(
            given.jdbcUrl(),
            given.user() != null ? given.user() : System.getenv("PGUSER"),
            given.password() != null ? given.password() : System.getenv("PGPASSWORD"));
    Store store = hub.unwrap(ConnectionImpl.class).store();
    if (store == null) {
      throw Errors.of(
          SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
          "the hub's own store is not in this process, so it cannot serve " + uri);
    }
    PgHub pg = PgHub.open(target);
    try {
      pg.serve(store);
    } catch (SQLException | RuntimeException e) {
      pg.close();
      throw e;
    }
    return pg;
  }
}
