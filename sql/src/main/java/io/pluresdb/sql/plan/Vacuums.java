package io.pluresdb.sql.plan;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * SQLite's {@code VACUUM [schema] [INTO 'file']}. The schema may only be {@code main} (the database
 * has no other); the file is a string literal, SQLite's own quoting ({@code ''} for a quote).
 */
final class Vacuums {
  private static final Pattern VACUUM =
      Pattern.compile(
          "(?is)\\s*VACUUM(?:\\s+(?!INTO\\b)(\\w+|\"[^\"]*\"|\\[[^]]*]|`[^`]*`))?"
              + "(?:\\s+INTO\\s*'((?:[^']|'')*)')?\\s*;?\\s*");
  private static final Pattern ANY_VACUUM = Pattern.compile("(?is)\\s*VACUUM\\b.*");

  private Vacuums() {}

  /** The plan of a VACUUM statement, or null when {@code sql} is not one. */
  static Plan.@Nullable Vacuum plan(String sql) throws SQLException {
    Matcher m = VACUUM.matcher(sql);
    if (!m.matches()) {
      if (ANY_VACUUM.matcher(sql).matches()) {
        throw Errors.of(
            SqlState.SYNTAX_ERROR,
            "VACUUM takes an optional schema and INTO followed by a file name in single quotes: "
                + sql.strip());
      }
      return null;
    }
    String schema = m.group(1);
    if (schema != null) {
      String name = unquote(schema);
      if (!name.equalsIgnoreCase("main")) {
        throw Errors.of(SqlState.UNDEFINED_SCHEMA, "unknown database " + name);
      }
    }
    String into = m.group(2);
    if (into != null && into.isBlank()) {
      throw Errors.of(SqlState.INVALID_PARAMETER_VALUE, "VACUUM INTO needs a file name");
    }
    return new Plan.Vacuum(sql, into == null ? null : into.replace("''", "'"));
  }

  private static String unquote(String name) {
    if (name.length() >= 2 && "\"`[".indexOf(name.charAt(0)) >= 0) {
      return name.substring(1, name.length() - 1);
    }
    return name;
  }
}
