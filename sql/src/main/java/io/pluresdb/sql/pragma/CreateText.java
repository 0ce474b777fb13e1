package io.pluresdb.sql.pragma;

import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.schema.ForeignKeyDef;
import io.pluresdb.crdt.schema.IndexDef;
import io.pluresdb.crdt.schema.Names;
import io.pluresdb.crdt.schema.TableDef;
import java.util.List;
import java.util.StringJoiner;

/**
 * The CREATE statements of catalog objects as {@code sqlite_schema.sql} shows them: the declared
 * columns, types and constraints, never the store's hidden columns. Tools (jOOQ's meta, DBeaver)
 * parse this text, so it is plain SQL that SQLite would accept too.
 */
final class CreateText {
  private CreateText() {}

  static String table(TableDef t) {
    StringJoiner parts = new StringJoiner(", ");
    boolean singleKey = t.primaryKey().size() == 1;
    for (ColumnDef c : t.columns()) {
      StringBuilder col = new StringBuilder(quote(c.name()));
      String type = c.declaredType() != null ? c.declaredType() : type(c);
      if (!type.isEmpty()) {
        col.append(' ').append(type);
      }
      if (singleKey && Names.same(t.primaryKey().get(0), c.name())) {
        col.append(" PRIMARY KEY");
        if (c.autoIncrement()) {
          col.append(" AUTOINCREMENT");
        }
      }
      if (!c.nullable() && !t.primaryKey().contains(c.name())) {
        col.append(" NOT NULL");
      }
      if (c.defaultSql() != null) {
        col.append(" DEFAULT (").append(c.defaultSql()).append(')');
      }
      if (c.collation() != null) {
        col.append(" COLLATE ").append(c.collation());
      }
      parts.add(col);
    }
    if (t.primaryKey().size() > 1) {
      parts.add("PRIMARY KEY (" + list(t.primaryKey()) + ")");
    }
    for (List<String> u : t.uniqueKeys()) {
      parts.add("UNIQUE (" + list(u) + ")");
    }
    for (String check : t.checks()) {
      parts.add("CHECK (" + check + ")");
    }
    for (ForeignKeyDef fk : t.foreignKeys()) {
      parts.add(
          "FOREIGN KEY ("
              + list(fk.columns())
              + ") REFERENCES "
              + quote(fk.refTable())
              + (fk.refColumns().isEmpty() ? "" : " (" + list(fk.refColumns()) + ")"));
    }
    return "CREATE TABLE " + quote(t.name()) + " (" + parts + ")";
  }

  static String index(IndexDef ix) {
    return "CREATE "
        + (ix.unique() ? "UNIQUE " : "")
        + "INDEX "
        + quote(ix.name())
        + " ON "
        + quote(ix.table())
        + (ix.method().equals("btree") ? "" : " USING " + ix.method())
        + " ("
        + list(ix.columns())
        + ")";
  }

  /** The declared type as SQL: the type's name with its length, precision or dimensions. */
  static String type(ColumnDef c) {
    ColumnType t = c.type();
    return switch (t) {
      case CHAR, VARCHAR, BINARY, VARBINARY, VECTOR ->
          c.precision() > 0 ? t.name() + "(" + c.precision() + ")" : t.name();
      case DECIMAL ->
          c.precision() > 0
              ? "DECIMAL(" + c.precision() + (c.scale() > 0 ? "," + c.scale() : "") + ")"
              : "DECIMAL";
      case TIMESTAMP_WITH_TIME_ZONE -> "TIMESTAMP WITH TIME ZONE";
      default -> t.name();
    };
  }

  static String quote(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  private static String list(List<String> names) {
    StringJoiner j = new StringJoiner(", ");
    names.forEach(n -> j.add(quote(n)));
    return j.toString();
  }
}
