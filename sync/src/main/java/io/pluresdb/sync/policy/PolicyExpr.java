package io.pluresdb.sync.policy;

import io.pluresdb.crdt.schema.SqlTokens;
import io.pluresdb.crdt.schema.SqlTokens.Token;
import io.pluresdb.sync.auth.PolicyAgent.User;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A policy expression made runnable by SQLite: {@code current_user} and {@code
 * current_claim('name')} become parameters, bound from the session's user. Immutable.
 *
 * @param sql the expression with {@code ?} in their place
 * @param claims per parameter, in order: the claim it binds, or null for {@code current_user}
 */
record PolicyExpr(String sql, List<@Nullable String> claims) {

  static PolicyExpr of(String expression) {
    List<Token> t = SqlTokens.of(expression);
    StringBuilder out = new StringBuilder(expression.length());
    List<@Nullable String> claims = new ArrayList<>();
    int copied = 0;
    for (int i = 0; i < t.size(); i++) {
      Token k = t.get(i);
      boolean afterDot = i > 0 && t.get(i - 1).isPunct('.');
      if (afterDot) {
        continue;
      }
      if (k.is("current_user") || k.is("session_user")) {
        out.append(expression, copied, k.start()).append('?');
        copied = k.end();
        claims.add(null);
      } else if (k.is("current_claim")
          && i + 3 < t.size()
          && t.get(i + 1).isPunct('(')
          && t.get(i + 2).kind() == SqlTokens.Kind.STRING
          && t.get(i + 3).isPunct(')')) {
        out.append(expression, copied, k.start()).append('?');
        copied = t.get(i + 3).end();
        claims.add(t.get(i + 2).name());
        i += 3;
      }
    }
    out.append(expression, copied, expression.length());
    return new PolicyExpr(out.toString(), java.util.Collections.unmodifiableList(claims));
  }

  /**
   * The value parameter {@code i} binds for {@code user}: the subject, or the claim as SQLite can
   * compare it (a number or boolean as a number, anything else as text; a missing claim is NULL).
   */
  static @Nullable Object value(@Nullable String claim, User user) {
    if (claim == null) {
      return user.subject();
    }
    Object v = user.claims().get(claim);
    if (v == null || v instanceof Long || v instanceof Integer || v instanceof Double) {
      return v;
    }
    if (v instanceof Boolean b) {
      return b ? 1L : 0L;
    }
    if (v instanceof java.util.Date d) {
      return d.getTime() / 1000;
    }
    return v.toString();
  }
}
