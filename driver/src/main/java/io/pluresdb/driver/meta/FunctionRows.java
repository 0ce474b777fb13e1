package io.pluresdb.driver.meta;

import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.driver.value.TypeFacts;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of {@code getFunctions} and {@code getFunctionColumns}: the functions PluresDB adds to
 * standard SQL, with their parameters and result, so that metadata clients (DBeaver's function
 * list, SchemaCrawler's routines) can show and complete them. Immutable.
 */
final class FunctionRows {
  private FunctionRows() {}

  /** One parameter or result of a function. */
  private record Param(String name, ColumnType type) {}

  /** A function: its name, what it computes, its result type and its parameters. */
  private record Fn(String name, String remarks, ColumnType result, List<Param> params) {}

  private static final Param A = new Param("a", ColumnType.VECTOR);
  private static final Param B = new Param("b", ColumnType.VECTOR);

  private static final List<Fn> FUNCTIONS =
      List.of(
          new Fn(
              "cosine_distance",
              "Cosine distance between two vectors: 1 - cosine similarity",
              ColumnType.DOUBLE,
              List.of(A, B)),
          new Fn(
              "inner_product",
              "Inner (dot) product of two vectors",
              ColumnType.DOUBLE,
              List.of(A, B)),
          new Fn(
              "l2_distance",
              "Euclidean (L2) distance between two vectors",
              ColumnType.DOUBLE,
              List.of(A, B)),
          new Fn(
              "vector_dims",
              "Number of dimensions of a vector",
              ColumnType.INTEGER,
              List.of(new Param("v", ColumnType.VECTOR))),
          new Fn(
              "vector_similarity",
              "Cosine similarity of two vectors, clamped to [0, 1]",
              ColumnType.DOUBLE,
              List.of(A, B)));

  static List<Object[]> functions(String namePattern) {
    NamePattern names = NamePattern.of(namePattern);
    List<Object[]> rows = new ArrayList<>();
    for (Fn f : FUNCTIONS) {
      if (names.matches(f.name())) {
        rows.add(
            new Object[] {
              null,
              CatalogRows.SCHEMA,
              f.name(),
              f.remarks(),
              (long) DatabaseMetaData.functionNoTable,
              f.name()
            });
      }
    }
    return rows; // FUNCTIONS is in name order, as the JDBC javadoc orders the rows
  }

  static List<Object[]> columns(String namePattern, String columnPattern) {
    NamePattern names = NamePattern.of(namePattern);
    NamePattern columns = NamePattern.of(columnPattern);
    List<Object[]> rows = new ArrayList<>();
    for (Fn f : FUNCTIONS) {
      if (!names.matches(f.name())) {
        continue;
      }
      if (columns.matches("")) {
        rows.add(column(f, new Param("", f.result()), DatabaseMetaData.functionReturn, 0));
      }
      for (int i = 0; i < f.params().size(); i++) {
        Param p = f.params().get(i);
        if (columns.matches(p.name())) {
          rows.add(column(f, p, DatabaseMetaData.functionColumnIn, i + 1));
        }
      }
    }
    return rows;
  }

  private static Object[] column(Fn f, Param p, int kind, int position) {
    boolean numeric = TypeFacts.isNumeric(p.type());
    return new Object[] {
      null,
      CatalogRows.SCHEMA,
      f.name(),
      p.name(),
      (long) kind,
      (long) p.type().jdbcType(),
      TypeFacts.sqlName(p.type()),
      (long) TypeFacts.defaultPrecision(p.type()),
      null,
      numeric ? 0L : null,
      numeric ? 10L : null,
      (long) DatabaseMetaData.functionNullable,
      null,
      null,
      (long) position,
      "YES",
      f.name()
    };
  }
}
