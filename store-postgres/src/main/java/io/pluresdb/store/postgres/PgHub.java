package io.pluresdb.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.store.Store;
import java.sql.Connection;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * A hub's store in PostgreSQL: the pool, the shared log and the client cursors, and once {@link
 * #serve} is called the mirror between them and the hub's own store, woken by the other hubs'
 * appends. Several hubs, in several processes, open one such store at once.
 *
 * <p>Thread-safe.
 */
public final class PgHub implements AutoCloseable {
  private static final int POOL_SIZE = 4;

  private final HikariDataSource pool;
  private final PgTarget target;
  private final PgLog log;
  private final PgCursors cursors;
  private @Nullable HubMirror mirror;
  private @Nullable PgWake wake;

  private PgHub(HikariDataSource pool, PgTarget target) {
    this.pool = pool;
    this.target = target;
    this.log = new PgLog(pool);
    this.cursors = new PgCursors(pool);
  }

  /**
   * Connects to {@code target} and creates the tables that are missing.
   *
   * @throws SQLException 08001 naming the database when PostgreSQL cannot be reached
   */
  public static PgHub open(PgTarget target) throws SQLException {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(target.jdbcUrl());
    // named, not looked up in DriverManager: a self-contained jar need not register it
    config.setDriverClassName("org.postgresql.Driver");
    if (target.user() != null) {
      config.setUsername(target.user());
    }
    if (target.password() != null) {
      config.setPassword(target.password());
    }
    config.setMaximumPoolSize(POOL_SIZE);
    config.setPoolName("pluresdb-pg");
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw Errors.of(
          SqlState.CLIENT_UNABLE_TO_CONNECT, "cannot connect to PostgreSQL at " + target, e);
    }
    try (Connection c = pool.getConnection()) {
      PgSchema.create(c);
    } catch (SQLException e) {
      pool.close();
      throw e;
    }
    return new PgHub(pool, target);
  }

  /** The PostgreSQL database this hub's store is in. */
  public PgTarget target() {
    return target;
  }

  public PgLog log() {
    return log;
  }

  public PgCursors cursors() {
    return cursors;
  }

  /**
   * Makes {@code store} this hub's own store (see {@link HubMirror#start}) and listens for the
   * other hubs' appends; a hub serves one store.
   */
  public synchronized void serve(Store store) throws SQLException {
    if (mirror != null) {
      throw Errors.of(SqlState.OBJECT_IN_USE, "this PostgreSQL hub already serves a store");
    }
    HubMirror m = HubMirror.start(store, log);
    try {
      wake = new PgWake(target, m::wake).start();
    } catch (SQLException e) {
      m.close();
      throw e;
    }
    mirror = m;
  }

  @Override
  public synchronized void close() {
    if (wake != null) {
      wake.close();
    }
    if (mirror != null) {
      mirror.close();
    }
    pool.close();
  }
}
