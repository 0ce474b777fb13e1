package io.pluresdb.tck.differential;

import io.pluresdb.tck.differential.Expressions.Ref;
import io.pluresdb.tck.differential.RandomSchema.Column;
import io.pluresdb.tck.differential.RandomSchema.Kind;
import io.pluresdb.tck.differential.RandomSchema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.StringJoiner;

/**
 * Random SELECTs over a {@link RandomSchema}: plain, inner and left joins, GROUP BY with HAVING and
 * aggregates, UNION/INTERSECT/EXCEPT, CTEs, DISTINCT, ORDER BY with NULLS FIRST/LAST, LIMIT and
 * OFFSET. A query is {@link Query#ordered} when its ORDER BY names every output column, so its row
 * order is SQLite's to keep; otherwise rows are compared as a multiset.
 */
final class QueryGenerator {
  record Query(String sql, boolean ordered) {}

  private final Random random;
  private final RandomSchema schema;
  private List<Ref> outer = List.of();
  private int aliases;

  QueryGenerator(Random random, RandomSchema schema) {
    this.random = random;
    this.schema = schema;
  }

  Query next() {
    aliases = 0;
    outer = List.of();
    return switch (random.nextInt(6)) {
      case 0, 1 -> select(false);
      case 2 -> select(true);
      case 3 -> grouped();
      case 4 -> compound();
      default -> withCte();
    };
  }

  /** A FROM item correlated with the enclosing query: {@code tX AS sN WHERE sN.c = outer}. */
  String correlatedFrom() {
    Table t = table();
    String alias = "s" + aliases++;
    List<Column> ints = t.of(Kind.INT);
    String column = alias + "." + ints.get(random.nextInt(ints.size())).name();
    List<Ref> outerInts = outer.stream().filter(r -> r.kind() == Kind.INT).toList();
    String other =
        outerInts.isEmpty()
            ? Integer.toString(random.nextInt(5))
            : outerInts.get(random.nextInt(outerInts.size())).sql();
    String op = random.nextBoolean() ? " = " : " < ";
    return t.name() + " AS " + alias + " WHERE " + column + op + other;
  }

  /** {@code SELECT sN.c FROM tX AS sN [WHERE …]}, an integer column, possibly correlated. */
  String integerSubquery() {
    Table t = table();
    String alias = "s" + aliases++;
    List<Column> ints = t.of(Kind.INT);
    String column = alias + "." + ints.get(random.nextInt(ints.size())).name();
    String where = random.nextBoolean() ? "" : " WHERE " + column + " > " + random.nextInt(6);
    return "SELECT " + column + " FROM " + t.name() + " AS " + alias + where;
  }

  private Query select(boolean join) {
    List<Ref> scope = new ArrayList<>();
    Table a = table();
    String from = a.name() + " AS a";
    scope.addAll(refs(a, "a"));
    if (join) {
      Table b = table();
      String kind = random.nextBoolean() ? " JOIN " : " LEFT JOIN ";
      String on = "a." + intColumn(a) + " = b." + intColumn(b);
      if (random.nextInt(3) == 0) {
        on += " AND b." + intColumn(b) + " > " + random.nextInt(5);
      }
      from += kind + b.name() + " AS b ON " + on;
      scope.addAll(refs(b, "b"));
    }
    outer = scope;
    Expressions e = new Expressions(random, scope, this);
    int n = 1 + random.nextInt(3);
    List<String> items = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      items.add(e.of(pickKind(), 2) + " AS c" + i);
    }
    String distinct = random.nextInt(4) == 0 ? "DISTINCT " : "";
    String where = random.nextInt(4) == 0 ? "" : " WHERE " + e.predicate(2);
    return ordering("SELECT " + distinct + String.join(", ", items) + " FROM " + from + where, n);
  }

  private Query grouped() {
    Table t = table();
    List<Ref> scope = refs(t, "g");
    outer = scope;
    Expressions e = new Expressions(random, scope, this);
    // A grouping key always reads a column: SQLite takes a bare integer literal for an ordinal.
    String key =
        e.pick(
            "g." + intColumn(t),
            "g." + textColumn(t),
            "(g." + intColumn(t) + " % 3)",
            "lower(g." + textColumn(t) + ")",
            "coalesce(g." + intColumn(t) + ", " + e.integer(1) + ")");
    String aggregate =
        switch (random.nextInt(7)) {
          case 0 -> "count(*)";
          case 1 -> "count(" + e.of(pickKind(), 1) + ")";
          case 2 -> "sum(" + e.integer(1) + ")";
          case 3 -> "min(" + e.of(pickKind(), 1) + ")";
          case 4 -> "max(" + e.text(1) + ")";
          case 5 -> "avg(" + e.integer(1) + ")";
          default -> "total(" + e.integer(1) + ")";
        };
    String where = random.nextBoolean() ? "" : " WHERE " + e.predicate(1);
    String having =
        random.nextBoolean()
            ? ""
            : " HAVING count(*) " + e.pick(">", "<=", "=") + " " + random.nextInt(3);
    String sql =
        "SELECT "
            + key
            + " AS k, "
            + aggregate
            + " AS v FROM "
            + t.name()
            + " AS g"
            + where
            + " GROUP BY "
            + key
            + having;
    return ordering(sql, 2);
  }

  private Query compound() {
    Kind kind = random.nextBoolean() ? Kind.INT : Kind.TEXT;
    String op =
        new Expressions(random, List.of(), this)
            .pick(" UNION ", " UNION ALL ", " INTERSECT ", " EXCEPT ");
    String sql = single(kind) + op + single(kind);
    return ordering(sql, 1);
  }

  private String single(Kind kind) {
    Table t = table();
    List<Ref> scope = refs(t, t.name());
    outer = scope;
    Expressions e = new Expressions(random, scope, this);
    String where = random.nextBoolean() ? "" : " WHERE " + e.predicate(1);
    return "SELECT " + e.of(kind, 1) + " FROM " + t.name() + where;
  }

  private Query withCte() {
    Table t = table();
    List<Ref> inner = refs(t, t.name());
    outer = inner;
    Expressions e = new Expressions(random, inner, this);
    String cte =
        "WITH w(x, y) AS (SELECT "
            + e.integer(1)
            + ", "
            + e.text(1)
            + " FROM "
            + t.name()
            + (random.nextBoolean() ? "" : " WHERE " + e.predicate(1))
            + ") ";
    List<Ref> scope = List.of(new Ref("w.x", Kind.INT), new Ref("w.y", Kind.TEXT));
    outer = scope;
    Expressions o = new Expressions(random, scope, this);
    String body =
        random.nextBoolean()
            ? "SELECT "
                + o.integer(1)
                + " AS c0, "
                + o.text(1)
                + " AS c1 FROM w"
                + (random.nextBoolean() ? "" : " WHERE " + o.predicate(1))
            : "SELECT w.y AS c0, count(*) AS c1 FROM w GROUP BY w.y";
    return ordering(cte + body, 2);
  }

  /** Adds ORDER BY over every column (then maybe LIMIT/OFFSET), or leaves the order free. */
  private Query ordering(String sql, int columns) {
    if (random.nextInt(3) == 0) {
      return new Query(sql, false);
    }
    Expressions e = new Expressions(random, List.of(), this);
    StringJoiner order = new StringJoiner(", ", " ORDER BY ", "");
    for (int i = 1; i <= columns; i++) {
      order.add(i + e.pick("", " DESC", " ASC") + e.pick("", "", " NULLS FIRST", " NULLS LAST"));
    }
    String limit = "";
    if (random.nextBoolean()) {
      limit =
          " LIMIT "
              + random.nextInt(6)
              + (random.nextBoolean() ? "" : " OFFSET " + random.nextInt(4));
    }
    return new Query(sql + order + limit, true);
  }

  private List<Ref> refs(Table t, String qualifier) {
    return t.columns().stream().map(c -> new Ref(qualifier + "." + c.name(), c.kind())).toList();
  }

  private Table table() {
    return schema.tables.get(random.nextInt(schema.tables.size()));
  }

  private String intColumn(Table t) {
    List<Column> ints = t.of(Kind.INT);
    return ints.get(random.nextInt(ints.size())).name();
  }

  private String textColumn(Table t) {
    List<Column> texts = t.of(Kind.TEXT);
    return texts.get(random.nextInt(texts.size())).name();
  }

  private Kind pickKind() {
    int k = random.nextInt(10);
    return k < 4 ? Kind.INT : k < 7 ? Kind.TEXT : k < 9 ? Kind.REAL : Kind.BLOB;
  }
}
