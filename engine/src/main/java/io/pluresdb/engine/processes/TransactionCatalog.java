package io.pluresdb.engine.processes;

import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.engine.api.Planned;
import io.pluresdb.engine.session.Planner;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * The schema a follower's forwarded transaction sees: once the transaction has run DDL on the
 * owner, statements naming what it created or changed are planned against the owner's catalog of
 * that transaction (fetched once after each DDL), not the file's committed one, which does not have
 * it yet. Planning here keeps a statement's metadata (columns, parameters) for JDBC; the statement
 * itself runs on the owner, as everything in a forwarded transaction does.
 *
 * <p>Not thread-safe: belongs to one follower session.
 */
final class TransactionCatalog {
  private final Planner planner;
  private boolean changed;
  private @Nullable Catalog fetched;

  TransactionCatalog(Planner planner) {
    this.planner = planner;
  }

  /** A forwarded DDL statement succeeded in the open transaction: its schema moved. */
  void ddlRan() {
    changed = true;
    fetched = null;
  }

  /** The forwarded transaction ended (or there is none): the committed schema is the one again. */
  void ended() {
    changed = false;
    fetched = null;
  }

  /** True when statements of the open transaction must be planned against the owner's schema. */
  boolean moved() {
    return changed;
  }

  /** Plans {@code sql} against the schema of the owner's open transaction. */
  Planned prepare(String sql, OwnerLink link) throws SQLException {
    Catalog c = fetched;
    if (c == null) {
      c = link.catalog();
      fetched = c;
    }
    return new Planned(sql, new Planned.For(planner.plan(sql, c, false), c.version(), c));
  }
}
