package io.pluresdb.driver.cli;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.sql.Connection;
import sqlline.SqlLine;

/**
 * The JDBC connection a sqlline shell is on. sqlline keeps it package-private (its {@code
 * DatabaseConnection}); the shell's own commands ({@code !export}, {@code !import}) and the schema
 * watch need that very connection, so that they see what the user's open transaction sees.
 */
final class ShellConnection {
  private ShellConnection() {}

  /** The shell's current connection, or null when it has none. */
  static Connection current(SqlLine sqlLine) {
    try {
      Method current = SqlLine.class.getDeclaredMethod("getDatabaseConnection");
      current.setAccessible(true);
      Object db = current.invoke(sqlLine);
      if (db == null) {
        return null;
      }
      Field connection = db.getClass().getDeclaredField("connection");
      connection.setAccessible(true);
      return (Connection) connection.get(db);
    } catch (ReflectiveOperationException e) {
      // only a sqlline other than the one this jar is built with gets here
      throw new IllegalStateException("this sqlline does not keep its connection as 1.12 does", e);
    }
  }
}
