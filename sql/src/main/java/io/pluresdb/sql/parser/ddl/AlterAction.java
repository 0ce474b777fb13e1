package io.pluresdb.sql.parser.ddl;

import java.util.Objects;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.checkerframework.checker.nullness.qual.Nullable;

/** What an ALTER TABLE statement changes. */
public sealed interface AlterAction {

  /** {@code ADD [COLUMN] [IF NOT EXISTS] column}. */
  record AddColumn(ColumnDecl column, boolean ifNotExists) implements AlterAction {
    public AddColumn {
      Objects.requireNonNull(column, "column");
    }
  }

  /** {@code ADD [CONSTRAINT name] constraint}, such as the foreign keys Hibernate adds. */
  record AddConstraint(TableConstraint constraint) implements AlterAction {
    public AddConstraint {
      Objects.requireNonNull(constraint, "constraint");
    }
  }

  /** {@code DROP CONSTRAINT [IF EXISTS] name}, as Hibernate drops its foreign keys. */
  record DropConstraint(String name, boolean ifExists) implements AlterAction {
    public DropConstraint {
      Objects.requireNonNull(name, "name");
    }
  }

  /** What {@code ALTER [COLUMN] c} changes. */
  enum ColumnChange {
    SET_NOT_NULL,
    DROP_NOT_NULL,
    SET_DEFAULT,
    DROP_DEFAULT,
    TYPE
  }

  /**
   * {@code ALTER [COLUMN] name SET|DROP NOT NULL}, {@code SET DEFAULT expr}, {@code DROP DEFAULT}
   * or {@code [SET DATA] TYPE type}.
   *
   * @param defaultValue the expression of SET DEFAULT, else null
   * @param type the type of TYPE, else null
   */
  record AlterColumn(
      String name, ColumnChange change, @Nullable SqlNode defaultValue, @Nullable TypeDecl type)
      implements AlterAction {
    public AlterColumn {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(change, "change");
    }
  }

  /** {@code DROP [COLUMN] name}. */
  record DropColumn(String name) implements AlterAction {
    public DropColumn {
      Objects.requireNonNull(name, "name");
    }
  }

  /** {@code RENAME [COLUMN] from TO to}. */
  record RenameColumn(String from, String to) implements AlterAction {
    public RenameColumn {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }
  }

  /** {@code RENAME TO name}. */
  record RenameTable(SqlIdentifier to) implements AlterAction {
    public RenameTable {
      Objects.requireNonNull(to, "to");
    }
  }
}
