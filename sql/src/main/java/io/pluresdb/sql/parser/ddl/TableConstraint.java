package io.pluresdb.sql.parser.ddl;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A table constraint as declared in CREATE TABLE or ALTER TABLE ADD.
 *
 * @param name the constraint name, or null when not named
 * @param kind what the constraint requires
 * @param columns the constrained columns (empty for CHECK)
 * @param check the CHECK condition, only for {@link Kind#CHECK}
 * @param references the referenced table, only for {@link Kind#FOREIGN_KEY}
 */
public record TableConstraint(
    @Nullable String name,
    Kind kind,
    List<String> columns,
    @Nullable SqlNode check,
    @Nullable ForeignKeyRef references) {

  /** The kinds of table constraint. */
  public enum Kind {
    PRIMARY_KEY,
    UNIQUE,
    CHECK,
    FOREIGN_KEY
  }

  public TableConstraint {
    Objects.requireNonNull(kind, "kind");
    columns = List.copyOf(columns);
  }

  public static TableConstraint primaryKey(@Nullable String name, List<String> columns) {
    return new TableConstraint(name, Kind.PRIMARY_KEY, columns, null, null);
  }

  public static TableConstraint unique(@Nullable String name, List<String> columns) {
    return new TableConstraint(name, Kind.UNIQUE, columns, null, null);
  }

  public static TableConstraint check(@Nullable String name, SqlNode condition) {
    return new TableConstraint(name, Kind.CHECK, List.of(), condition, null);
  }

  public static TableConstraint foreignKey(
      @Nullable String name, List<String> columns, ForeignKeyRef references) {
    return new TableConstraint(name, Kind.FOREIGN_KEY, columns, null, references);
  }

  void unparse(SqlWriter writer) {
    if (name != null) {
      writer.keyword("CONSTRAINT");
      Ddl.name(writer, name);
    }
    switch (kind) {
      case PRIMARY_KEY -> {
        writer.keyword("PRIMARY KEY");
        Ddl.nameList(writer, columns);
      }
      case UNIQUE -> {
        writer.keyword("UNIQUE");
        Ddl.nameList(writer, columns);
      }
      case CHECK -> {
        writer.keyword("CHECK");
        SqlWriter.Frame frame = writer.startList("(", ")");
        Objects.requireNonNull(check, "check").unparse(writer, 0, 0);
        writer.endList(frame);
      }
      case FOREIGN_KEY -> {
        writer.keyword("FOREIGN KEY");
        Ddl.nameList(writer, columns);
        Objects.requireNonNull(references, "references").unparse(writer);
      }
    }
  }
}
