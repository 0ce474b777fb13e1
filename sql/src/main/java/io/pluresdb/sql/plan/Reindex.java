package io.pluresdb.sql.plan;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.Catalog;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * SQLite's {@code REINDEX [[schema.]name]}. Indexes here are kept by the SQLite store underneath
 * and are never stale, so a rebuild has nothing to do: the statement only checks, as SQLite does,
 * that the name is a collation, a table or an index.
 */
final class Reindex {
  private static final Pattern REINDEX =
      Pattern.compile("(?is)\\s*REINDEX(?:\\s+(?:(?:main|temp)\\s*\\.\\s*)?(\\S+?))?\\s*;?\\s*");
  private static final Set<String> COLLATIONS = Set.of("binary", "nocase", "rtrim");

  private Reindex() {}

  /** The no-op plan for a REINDEX statement, or null when {@code sql} is not one. */
  static Plan.@Nullable Rows plan(String sql, Catalog catalog) throws SQLException {
    Matcher m = REINDEX.matcher(sql);
    if (!m.matches()) {
      return null;
    }
    String name = m.group(1);
    if (name != null && !known(unquote(name), catalog)) {
      throw Errors.of(
          SqlState.UNDEFINED_OBJECT,
          "unable to identify the object to be reindexed: '" + unquote(name) + "'");
    }
    return new Plan.Rows(sql, List.of(), List.of());
  }

  private static boolean known(String name, Catalog catalog) {
    return COLLATIONS.contains(name.toLowerCase(Locale.ROOT))
        || catalog.tables().keySet().stream().anyMatch(name::equalsIgnoreCase)
        || catalog.indexes().keySet().stream().anyMatch(name::equalsIgnoreCase);
  }

  private static String unquote(String name) {
    if (name.length() >= 2 && "\"`[".indexOf(name.charAt(0)) >= 0) {
      return name.substring(1, name.length() - 1);
    }
    return name;
  }
}
