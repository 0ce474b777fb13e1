package io.pluresdb.tck.differential;

import io.pluresdb.tck.differential.RandomSchema.Kind;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Random scalar expressions and predicates of one result kind over the columns in scope, in
 * SQLite's dialect: arithmetic, CASE, COALESCE/IFNULL/NULLIF, string and math functions, IN lists
 * and subqueries, EXISTS, BETWEEN, LIKE. Subqueries come from {@link QueryGenerator}.
 */
final class Expressions {
  /** A column reachable from the current query, with the qualifier it is reached by. */
  record Ref(String sql, Kind kind) {}

  private final Random random;
  private final List<Ref> scope;
  private final QueryGenerator queries;

  Expressions(Random random, List<Ref> scope, QueryGenerator queries) {
    this.random = random;
    this.scope = scope;
    this.queries = queries;
  }

  String of(Kind kind, int depth) {
    return switch (kind) {
      case INT -> integer(depth);
      case REAL -> real(depth);
      case TEXT -> text(depth);
      case BLOB -> column(Kind.BLOB, () -> RandomSchema.value(Kind.BLOB, random));
    };
  }

  String column(Kind kind, Supplier<String> otherwise) {
    List<Ref> refs = scope.stream().filter(r -> r.kind() == kind).toList();
    return refs.isEmpty() ? otherwise.get() : refs.get(random.nextInt(refs.size())).sql();
  }

  String integer(int depth) {
    if (depth <= 0 || random.nextInt(3) == 0) {
      return random.nextInt(4) == 0
          ? Integer.toString(random.nextInt(11) - 2)
          : column(Kind.INT, () -> Integer.toString(random.nextInt(7)));
    }
    int d = depth - 1;
    return switch (random.nextInt(16)) {
      case 0 -> "(" + integer(d) + " + " + integer(d) + ")";
      case 1 -> "(" + integer(d) + " - " + integer(d) + ")";
      case 2 -> "(" + integer(d) + " * " + integer(d) + ")";
      case 3 -> "(" + integer(d) + " / " + (1 + random.nextInt(4)) + ")";
      case 4 -> "(" + integer(d) + " % " + (2 + random.nextInt(4)) + ")";
      case 5 -> "abs(" + integer(d) + ")";
      case 6 ->
          "CASE WHEN " + predicate(d) + " THEN " + integer(d) + " ELSE " + integer(d) + " END";
      case 7 -> "coalesce(" + integer(d) + ", " + integer(d) + ")";
      case 8 -> "ifnull(" + integer(d) + ", " + random.nextInt(5) + ")";
      case 9 -> "length(" + text(d) + ")";
      case 10 -> "instr(" + text(d) + ", " + RandomSchema.quote(pick("a", "b", "ö", "")) + ")";
      case 11 -> "-(" + integer(d) + ")";
      case 12 -> "nullif(" + integer(d) + ", " + random.nextInt(4) + ")";
      case 13 -> "(SELECT count(*) FROM " + queries.correlatedFrom() + ")";
      case 14 -> "max(" + integer(d) + ", " + integer(d) + ")";
      default ->
          "CASE "
              + integer(d)
              + " WHEN 1 THEN "
              + integer(d)
              + " WHEN 2 THEN "
              + integer(d)
              + " END";
    };
  }

  String real(int depth) {
    if (depth <= 0 || random.nextInt(3) == 0) {
      return column(Kind.REAL, () -> RandomSchema.value(Kind.REAL, random));
    }
    int d = depth - 1;
    return switch (random.nextInt(7)) {
      case 0 -> "round(" + real(d) + ", " + random.nextInt(3) + ")";
      case 1 -> "(" + real(d) + " * 2.5)";
      case 2 -> "(" + integer(d) + " + " + real(d) + ")";
      case 3 -> "abs(" + real(d) + ")";
      case 4 -> "coalesce(" + real(d) + ", 0.5)";
      case 5 -> "(" + integer(d) + " / 4.0)";
      default -> "CASE WHEN " + predicate(d) + " THEN " + real(d) + " ELSE " + real(d) + " END";
    };
  }

  String text(int depth) {
    if (depth <= 0 || random.nextInt(3) == 0) {
      return random.nextInt(5) == 0
          ? RandomSchema.value(Kind.TEXT, random)
          : column(Kind.TEXT, () -> RandomSchema.value(Kind.TEXT, random));
    }
    int d = depth - 1;
    return switch (random.nextInt(12)) {
      case 0 -> "lower(" + text(d) + ")";
      case 1 -> "upper(" + text(d) + ")";
      case 2 ->
          "substr(" + text(d) + ", " + (1 + random.nextInt(3)) + ", " + random.nextInt(3) + ")";
      case 3 -> "(" + text(d) + " || " + text(d) + ")";
      case 4 -> "trim(" + text(d) + ")";
      case 5 -> "replace(" + text(d) + ", 'a', 'x')";
      case 6 -> "coalesce(" + text(d) + ", 'none')";
      case 7 -> "ifnull(" + text(d) + ", '')";
      case 8 -> "CASE WHEN " + predicate(d) + " THEN " + text(d) + " ELSE " + text(d) + " END";
      case 9 -> "ltrim(" + text(d) + ", 'a')";
      case 10 -> "hex(" + of(Kind.BLOB, d) + ")";
      default -> "rtrim(" + text(d) + ")";
    };
  }

  String predicate(int depth) {
    int d = Math.max(0, depth - 1);
    return switch (random.nextInt(depth <= 0 ? 6 : 14)) {
      case 0 -> integer(d) + " " + pick("=", "<>", "<", "<=", ">", ">=") + " " + integer(d);
      case 1 -> text(d) + " " + pick("=", "<>", "<", ">=") + " " + text(d);
      case 2 -> of(anyKind(), d) + pick(" IS NULL", " IS NOT NULL");
      case 3 -> integer(d) + pick(" BETWEEN ", " NOT BETWEEN ") + integer(d) + " AND " + integer(d);
      case 4 ->
          integer(d)
              + pick(" IN ", " NOT IN ")
              + "("
              + random.nextInt(5)
              + ", "
              + (random.nextInt(9) - 2)
              + ")";
      case 5 ->
          text(d)
              + pick(" LIKE ", " NOT LIKE ")
              + RandomSchema.quote(pick("a%", "%b%", "_", "A%", "%ö%", "%"));
      case 6 -> "NOT (" + predicate(d) + ")";
      case 7 -> "(" + predicate(d) + " AND " + predicate(d) + ")";
      case 8 -> "(" + predicate(d) + " OR " + predicate(d) + ")";
      case 9 -> integer(d) + pick(" IN ", " NOT IN ") + "(" + queries.integerSubquery() + ")";
      case 10 ->
          pick("EXISTS ", "NOT EXISTS ") + "(SELECT 1 FROM " + queries.correlatedFrom() + ")";
      case 11 -> real(d) + " " + pick("<", ">=") + " " + real(d);
      case 12 ->
          integer(d)
              + " = (SELECT "
              + pick("max", "min")
              + "(id) FROM "
              + queries.correlatedFrom()
              + ")";
      default -> integer(d) + " IS " + pick("", "NOT ") + integer(d);
    };
  }

  Kind anyKind() {
    return Kind.values()[random.nextInt(Kind.values().length)];
  }

  @SafeVarargs
  final <T> T pick(T... options) {
    return options[random.nextInt(options.length)];
  }
}
