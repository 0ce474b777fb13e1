package io.pluresdb.crdt.schema;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A row-level policy as PostgreSQL defines one ({@code CREATE POLICY name ON table FOR command
 * USING (…) WITH CHECK (…)}): which rows of {@code table} a principal may act on. Policies of a
 * table combine permissively (any one that applies may allow); a table with policies and none for
 * an action refuses it. The expressions are SQL text over the row's columns, {@code current_user}
 * and {@code current_claim('name')}, evaluated by the node that accepts or sends the row.
 *
 * @param name the policy's name, unique on its table
 * @param table the table it guards
 * @param command {@code ALL}, {@code SELECT}, {@code INSERT}, {@code UPDATE} or {@code DELETE}
 * @param using which existing rows it lets the action see and change, or null
 * @param check which new row values it lets a write produce, or null (then {@code using} holds)
 * @param sql the CREATE POLICY text as written
 */
public record PolicyDef(
    String name,
    String table,
    String command,
    @Nullable String using,
    @Nullable String check,
    String sql) {

  /** The key of a policy in {@link Catalog#policies()}: its table and name. */
  public static String key(String table, String name) {
    return table.toLowerCase(Locale.ROOT) + "." + name;
  }

  /** Its key in {@link Catalog#policies()}. */
  public String key() {
    return key(table, name);
  }

  /** True when it applies to {@code action} (INSERT, UPDATE, DELETE or SELECT). */
  public boolean appliesTo(String action) {
    return command.equals("ALL") || command.equals(action);
  }

  /** The condition new row values must meet: WITH CHECK, or USING when there is none. */
  public @Nullable String newRowCheck() {
    return check != null ? check : using;
  }

  /** This policy on a renamed table. */
  public PolicyDef onTable(String to) {
    return new PolicyDef(name, to, command, using, check, sql);
  }
}
