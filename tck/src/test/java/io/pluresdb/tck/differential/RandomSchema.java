package io.pluresdb.tck.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A random schema of a few tables, each an {@code id INTEGER PRIMARY KEY} and columns of SQLite's
 * storage classes, with rows holding NULLs, text in mixed case and non-ASCII scripts, integers,
 * reals and blobs. Every value matches its column's declared type.
 */
final class RandomSchema {
  /** A column's storage class; its prefix names the column so generators can pick by kind. */
  enum Kind {
    INT("INTEGER", "i"),
    REAL("REAL", "r"),
    TEXT("TEXT", "s"),
    BLOB("BLOB", "b");

    final String sqlType;
    final String prefix;

    Kind(String sqlType, String prefix) {
      this.sqlType = sqlType;
      this.prefix = prefix;
    }
  }

  record Column(String name, Kind kind) {}

  record Table(String name, List<Column> columns) {
    List<Column> of(Kind kind) {
      return columns.stream().filter(c -> c.kind() == kind).toList();
    }
  }

  static final String[] TEXTS = {
    "a",
    "A",
    "abc",
    "Abc",
    "ABC",
    "b",
    "hello world",
    "Zeta",
    "",
    " x ",
    "ÄÖü",
    "äöü",
    "é",
    "É",
    "日本語",
    "ß",
    "İ",
    "x%y",
    "a_b",
    "O'Brien",
    "12",
    "3.5"
  };
  static final String[] REALS = {"0.5", "-1.25", "3.0", "2.5", "1e10", "-0.001", "100.75", "7.0"};
  static final String[] BLOBS = {"X''", "X'00'", "X'ff10'", "X'41'", "X'6162'", "X'c3a9'"};

  final List<Table> tables = new ArrayList<>();
  final List<String> statements = new ArrayList<>();

  RandomSchema(Random random) {
    int tableCount = 3;
    for (int t = 0; t < tableCount; t++) {
      List<Column> columns = new ArrayList<>();
      columns.add(new Column("id", Kind.INT));
      // Every table has at least two integers and a text, so joins and predicates always find one.
      List<Kind> kinds = new ArrayList<>(List.of(Kind.INT, Kind.INT, Kind.TEXT));
      int extra = random.nextInt(4);
      for (int k = 0; k < extra; k++) {
        kinds.add(Kind.values()[random.nextInt(Kind.values().length)]);
      }
      int[] counts = new int[Kind.values().length];
      for (Kind kind : kinds) {
        columns.add(new Column(kind.prefix + ++counts[kind.ordinal()], kind));
      }
      Table table = new Table("t" + t, List.copyOf(columns));
      tables.add(table);
      StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(table.name()).append('(');
      for (int c = 0; c < columns.size(); c++) {
        Column column = columns.get(c);
        ddl.append(c == 0 ? "" : ", ").append(column.name()).append(' ');
        ddl.append(column.kind().sqlType).append(c == 0 ? " PRIMARY KEY" : "");
      }
      statements.add(ddl.append(')').toString());
      int rows = 3 + random.nextInt(10);
      for (int r = 1; r <= rows; r++) {
        StringBuilder insert =
            new StringBuilder("INSERT INTO ").append(table.name()).append(" VALUES(");
        insert.append(r);
        for (Column column : columns.subList(1, columns.size())) {
          insert
              .append(", ")
              .append(random.nextInt(5) == 0 ? "NULL" : value(column.kind(), random));
        }
        statements.add(insert.append(')').toString());
      }
    }
  }

  static String value(Kind kind, Random random) {
    return switch (kind) {
      case INT -> Integer.toString(random.nextInt(13) - 3);
      case REAL -> REALS[random.nextInt(REALS.length)];
      case TEXT -> quote(TEXTS[random.nextInt(TEXTS.length)]);
      case BLOB -> BLOBS[random.nextInt(BLOBS.length)];
    };
  }

  static String quote(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
