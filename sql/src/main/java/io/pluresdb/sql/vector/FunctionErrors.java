package io.pluresdb.sql.vector;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Carries a SQLState through SQLite: a Java function called by SQLite can only fail with a message,
 * which sqlite-jdbc wraps in a stateless error; the message starts with {@code [pluresdb 22000]} so
 * that the session can give the error its state back.
 */
public final class FunctionErrors {
  private static final Pattern MARK = Pattern.compile("\\[pluresdb ([0-9A-Z]{5})\\] ([^)]*)");

  private FunctionErrors() {}

  /** The message a SQLite function fails with. */
  public static String encode(SqlState state, String message) {
    return "[pluresdb " + state.code() + "] " + message;
  }

  /** The error a function raised, with its state, or null when {@code e} is not one. */
  public static SQLException decode(SQLException e) {
    String m = e.getMessage();
    if (m == null) {
      return null;
    }
    Matcher at = MARK.matcher(m);
    if (!at.find()) {
      return null;
    }
    for (SqlState s : SqlState.values()) {
      if (s.code().equals(at.group(1))) {
        return Errors.of(s, at.group(2), e);
      }
    }
    return null;
  }
}
