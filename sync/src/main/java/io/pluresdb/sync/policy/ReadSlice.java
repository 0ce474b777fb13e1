package io.pluresdb.sync.policy;

import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.PolicyDef;
import io.pluresdb.crdt.schema.SqlTokens;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.sync.auth.PolicyAgent.User;
import io.pluresdb.sync.scope.Scope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What part of each table a session's peer may hold: the rows inside its scopes (every row of every
 * table when it declared none; no row of a table no scope names when it did) and inside its user's
 * read policies (PostgreSQL's row-level security for SELECT: the USING of the policies FOR SELECT
 * or ALL, any of them; a table with policies and none of those is not read at all; a table without
 * policies, or a peer without a user, is not limited). Conditions run in SQLite on the serving
 * node, so a policy may read other tables ({@code team_id IN (SELECT team_id FROM member …)}); a
 * write to such a table can move rows of this one in or out of the slice, so those tables are
 * listed ({@link #readsOther}).
 *
 * <p>Immutable.
 */
public final class ReadSlice {
  /**
   * The rows of one table in the slice.
   *
   * @param where the condition, or null for every row
   * @param params what its {@code ?} bind, in order
   */
  public record Filter(@Nullable String where, List<@Nullable Object> params) {}

  private final Map<String, Filter> filters;
  private final Set<String> others;

  private ReadSlice(Map<String, Filter> filters, Set<String> others) {
    this.filters = filters;
    this.others = others;
  }

  /**
   * The slice of {@code catalog} a peer acting for {@code user} (null: none) with {@code scopes}
   * holds, of the tables it may read at all ({@code readable}).
   */
  public static ReadSlice of(
      Catalog catalog,
      @Nullable User user,
      List<Scope> scopes,
      java.util.function.Predicate<String> readable) {
    Map<String, Filter> filters = new HashMap<>();
    Set<String> others = new HashSet<>();
    for (TableDef t : catalog.tables().values()) {
      if (!readable.test(t.name())) {
        continue;
      }
      List<String> conds = new ArrayList<>();
      List<@Nullable Object> params = new ArrayList<>();
      if (!scopes.isEmpty()) {
        List<String> mine = new ArrayList<>();
        boolean all = false;
        for (Scope s : scopes) {
          if (catalog.table(s.table()) == t) {
            if (s.where() == null) {
              all = true;
            } else {
              mine.add(s.where());
            }
          }
        }
        if (!all && mine.isEmpty()) {
          continue;
        }
        if (!all && !add(mine, user, conds, params, others, t)) {
          continue;
        }
      }
      List<PolicyDef> ps = List.copyOf(catalog.policiesOf(t.name()));
      if (user != null && !ps.isEmpty()) {
        List<String> using = new ArrayList<>();
        for (PolicyDef p : ps) {
          if (p.appliesTo("SELECT") && p.using() != null) {
            using.add(p.using());
          }
        }
        if (using.isEmpty() || !add(using, user, conds, params, others, t)) {
          continue; // default deny
        }
      }
      String where = conds.isEmpty() ? null : String.join(" AND ", conds);
      filters.put(key(t.name()), new Filter(where, List.copyOf(params)));
    }
    return new ReadSlice(Map.copyOf(filters), Set.copyOf(others));
  }

  /** Adds the OR of {@code exprs}; false when one names a claim or user it cannot bind. */
  private static boolean add(
      List<String> exprs,
      @Nullable User user,
      List<String> conds,
      List<@Nullable Object> params,
      Set<String> others,
      TableDef t) {
    StringBuilder or = new StringBuilder("(");
    List<@Nullable Object> bound = new ArrayList<>();
    for (String e : exprs) {
      PolicyExpr x = PolicyExpr.of(e);
      if (!x.claims().isEmpty() && user == null) {
        return false;
      }
      or.append(or.length() == 1 ? "(" : " OR (").append(x.sql()).append(')');
      for (String claim : x.claims()) {
        bound.add(PolicyExpr.value(claim, java.util.Objects.requireNonNull(user)));
      }
      for (SqlTokens.Token k : SqlTokens.of(e)) {
        if (k.kind() == SqlTokens.Kind.WORD || k.kind() == SqlTokens.Kind.QUOTED) {
          String name = key(k.name());
          if (!name.equals(key(t.name()))) {
            others.add(name);
          }
        }
      }
    }
    conds.add(or.append(')').toString());
    params.addAll(bound);
    return true;
  }

  /** The rows of {@code table} in the slice, or null when none of them is. */
  public @Nullable Filter filter(String table) {
    return filters.get(key(table));
  }

  /**
   * True when a condition of another table names {@code table} (or a word spelled like it), so a
   * write to it may move that table's rows in or out of the slice.
   */
  public boolean readsOther(String table) {
    return others.contains(key(table));
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
