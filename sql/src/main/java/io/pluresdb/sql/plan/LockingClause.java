package io.pluresdb.sql.plan;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A trailing {@code FOR UPDATE [OF …] [NOWAIT | SKIP LOCKED]} (or {@code FOR SHARE}), as ORMs
 * append to a query for a pessimistic lock. Calcite's grammar has no locking clause, so it is cut
 * from the text before parsing; the query then takes the store's one writer, which no other
 * transaction can hold until this one ends: a lock on every row, not only the selected ones. Nodes
 * do not lock each other: concurrent writes elsewhere merge by the CRDT rules.
 */
final class LockingClause {
  private static final Pattern TRAILING =
      Pattern.compile(
          "(?is)^(.*?)\\s+for\\s+(?:update|share|no\\s+key\\s+update|key\\s+share)"
              + "(?:\\s+of\\s+[\\w\".]+(?:\\s*,\\s*[\\w\".]+)*)?"
              + "(?:\\s+nowait|\\s+skip\\s+locked|\\s+wait\\s+\\d+)?\\s*;?\\s*$");

  private LockingClause() {}

  /** The query without its locking clause, or null when it has none. */
  static String strip(String sql) {
    if (sql.length() < 11) {
      return null;
    }
    Matcher m = TRAILING.matcher(sql);
    return m.matches() ? m.group(1) : null;
  }
}
