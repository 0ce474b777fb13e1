package io.pluresdb.engine.trigger;

import io.pluresdb.crdt.store.StoreConfig;
import io.pluresdb.sql.trigger.TriggerProgram;
import java.sql.Connection;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.sqlite.Function;

/**
 * SQLite's {@code RAISE(kind, 'message')} inside a trigger body's INSERT, UPDATE or DELETE: the
 * body statement calls {@code pluresdb_raise(kind, message)} where RAISE stood, and SQLite
 * evaluates it where and when SQLite would evaluate the RAISE (a CASE branch, a WHERE that holds).
 * The function fails the SQLite statement with a marked message, which {@link TriggerRunner} turns
 * into what the RAISE means (see {@link #raised}).
 */
public final class RaiseFunction extends Function {
  private RaiseFunction() {}

  /** The config with the function registered on each connection, after its own setup. */
  public static StoreConfig configure(StoreConfig config) {
    return config.alsoInitializing(RaiseFunction::register);
  }

  static void register(Connection sqlite) throws SQLException {
    Function.create(sqlite, TriggerProgram.RAISE_FUNCTION, new RaiseFunction(), 2, 0);
  }

  @Override
  protected void xFunc() throws SQLException {
    String kind = value_text(0);
    String message = value_text(1);
    error(TriggerProgram.MARK + kind + ":" + (message == null ? "" : message) + MARK_END);
  }

  /** Ends the message, which SQLite's error text may follow with its own words. */
  static final String MARK_END = "\u0002";

  /** The {@code kind:message} a failure of the function carries, or null when it is none. */
  static @Nullable String raised(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage();
      int at = m == null ? -1 : m.indexOf(TriggerProgram.MARK);
      if (m != null && at >= 0) {
        int end = m.indexOf(MARK_END, at);
        return m.substring(at + TriggerProgram.MARK.length(), end < 0 ? m.length() : end);
      }
    }
    return null;
  }
}
