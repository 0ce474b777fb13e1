package io.pluresdb.sync.policy;

import io.pluresdb.crdt.op.OpKind;
import io.pluresdb.crdt.op.Operation;
import io.pluresdb.crdt.op.Transaction;
import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.PolicyDef;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.crdt.store.Store;
import io.pluresdb.sync.auth.PolicyAgent.User;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Checks a peer's writes against the row policies of their tables, for the user the peer acts for,
 * as PostgreSQL's row-level security does: a write's action is INSERT (no row before), UPDATE or
 * DELETE; the row before an UPDATE or DELETE must meet the USING expression of a policy for that
 * action, the row after an INSERT or UPDATE its WITH CHECK expression (USING when it has none). A
 * policy lacking the expression a side needs allows nothing on that side; a table with policies and
 * none for the action refuses it; a table without policies is not checked. Transactions of one
 * batch are checked in order, each write seeing the rows the earlier ones produced. The expressions
 * run in SQLite over the store, so they may read other tables ({@code team_id IN (SELECT …)}).
 *
 * <p>Not thread-safe: one per session.
 */
public final class RowPolicies {
  private final Store store;
  private final User user;

  public RowPolicies(Store store, User user) {
    this.store = store;
    this.user = user;
  }

  /** Why the first refused write of {@code txs} is refused, or null when every write is allowed. */
  public @Nullable String refusal(List<Transaction> txs) throws SQLException {
    Catalog cat = store.catalog();
    if (cat.policies().isEmpty()) {
      return null;
    }
    Map<String, Object @Nullable []> rows = new HashMap<>();
    Connection c = null;
    try {
      for (Transaction tx : txs) {
        for (Operation op : tx.ops()) {
          TableDef t = op.kind() == OpKind.SCHEMA ? null : cat.table(op.table());
          List<PolicyDef> ps = t == null ? List.of() : List.copyOf(cat.policiesOf(t.name()));
          if (t == null || ps.isEmpty()) {
            continue;
          }
          if (c == null) {
            c = store.openReader();
          }
          String k = t.name().toLowerCase(Locale.ROOT) + Arrays.deepToString(op.key());
          Object[] before = rows.containsKey(k) ? rows.get(k) : RowValues.read(c, t, op.key());
          Object[] after = op.kind() == OpKind.DELETE ? null : RowValues.after(t, before, op);
          String action =
              op.kind() == OpKind.DELETE ? "DELETE" : before == null ? "INSERT" : "UPDATE";
          String why = verdict(c, t, ps, action, before, after);
          if (why != null) {
            return user.subject()
                + " may not "
                + action
                + " row "
                + Arrays.deepToString(op.key())
                + " of table '"
                + t.name()
                + "': "
                + why
                + " (transaction "
                + tx.id()
                + ")";
          }
          rows.put(k, after);
        }
      }
      return null;
    } finally {
      if (c != null) {
        c.close();
      }
    }
  }

  private @Nullable String verdict(
      Connection c,
      TableDef t,
      List<PolicyDef> all,
      String action,
      Object @Nullable [] before,
      Object @Nullable [] after)
      throws SQLException {
    List<PolicyDef> ps = all.stream().filter(p -> p.appliesTo(action)).toList();
    if (ps.isEmpty()) {
      return "no policy allows " + action;
    }
    if (before != null && !action.equals("INSERT") && !meets(c, t, before, ps, PolicyDef::using)) {
      return "the row before is outside USING of " + names(ps);
    }
    if (after != null && !meets(c, t, after, ps, PolicyDef::newRowCheck)) {
      return "the new row fails WITH CHECK of " + names(ps);
    }
    return null;
  }

  /** True when {@code row} meets the expression {@code side} picks of any of {@code ps}. */
  private boolean meets(
      Connection c,
      TableDef t,
      Object[] row,
      List<PolicyDef> ps,
      Function<PolicyDef, @Nullable String> side)
      throws SQLException {
    List<PolicyExpr> exprs = new ArrayList<>();
    for (PolicyDef p : ps) {
      String e = side.apply(p);
      if (e != null) {
        exprs.add(PolicyExpr.of(e));
      }
    }
    if (exprs.isEmpty()) {
      return false;
    }
    StringBuilder sql = new StringBuilder("SELECT 1 FROM (SELECT ");
    for (int i = 0; i < t.columns().size(); i++) {
      sql.append(i == 0 ? "" : ", ")
          .append("? AS ")
          .append(RowValues.quote(t.columns().get(i).name()));
    }
    sql.append(") AS ").append(RowValues.quote(t.name())).append(" WHERE ");
    for (int i = 0; i < exprs.size(); i++) {
      sql.append(i == 0 ? "(" : " OR (").append(exprs.get(i).sql()).append(')');
    }
    try (PreparedStatement q = c.prepareStatement(sql.toString())) {
      int n = 1;
      for (int i = 0; i < row.length; i++) {
        RowValues.bind(q, n++, row[i], t.columns().get(i).type());
      }
      for (PolicyExpr e : exprs) {
        for (String claim : e.claims()) {
          q.setObject(n++, PolicyExpr.value(claim, user));
        }
      }
      try (ResultSet rs = q.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static String names(List<PolicyDef> ps) {
    return String.join(", ", ps.stream().map(PolicyDef::name).toList());
  }
}
