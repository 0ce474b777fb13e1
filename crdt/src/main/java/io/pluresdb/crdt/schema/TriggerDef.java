package io.pluresdb.crdt.schema;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A trigger as SQLite defines one: fired by local writes to {@code table} (a view for {@code
 * INSTEAD OF}), once per row. Its body runs through the same write path as user statements, so what
 * it does becomes operations of the firing transaction; a node applying remote operations never
 * fires it.
 *
 * @param sql the CREATE TRIGGER text as the user wrote it (what {@code sqlite_schema} shows)
 * @param timing {@code BEFORE}, {@code AFTER} or {@code INSTEAD OF}
 * @param event {@code INSERT}, {@code UPDATE} or {@code DELETE}
 * @param columns for {@code UPDATE OF a, b}: the columns whose assignment fires it; else empty
 * @param when the WHEN condition's text, or null
 * @param body the body's statements' text, in order
 */
public record TriggerDef(
    String name,
    String table,
    String sql,
    String timing,
    String event,
    List<String> columns,
    @Nullable String when,
    List<String> body) {
  public TriggerDef {
    columns = List.copyOf(columns);
    body = List.copyOf(body);
  }
}
