package io.pluresdb.sql.parser.ddl;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code ALTER TABLE [IF EXISTS] name ADD ...}: one {@link AlterAction}. Immutable. */
public final class SqlAlterTable extends SqlCall {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("ALTER TABLE", SqlKind.ALTER_TABLE);

  private final boolean ifExists;
  private final SqlIdentifier name;
  private final AlterAction action;

  public SqlAlterTable(SqlParserPos pos, boolean ifExists, SqlIdentifier name, AlterAction action) {
    super(pos);
    this.ifExists = ifExists;
    this.name = Objects.requireNonNull(name, "name");
    this.action = Objects.requireNonNull(action, "action");
  }

  public boolean ifExists() {
    return ifExists;
  }

  public SqlIdentifier name() {
    return name;
  }

  public AlterAction action() {
    return action;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(name);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("ALTER TABLE");
    if (ifExists) {
      writer.keyword("IF EXISTS");
    }
    name.unparse(writer, leftPrec, rightPrec);
    if (action instanceof AlterAction.DropConstraint drop) {
      writer.keyword("DROP CONSTRAINT");
      if (drop.ifExists()) {
        writer.keyword("IF EXISTS");
      }
      Ddl.name(writer, drop.name());
      return;
    }
    if (action instanceof AlterAction.DropColumn drop) {
      writer.keyword("DROP COLUMN");
      Ddl.name(writer, drop.name());
      return;
    }
    if (action instanceof AlterAction.RenameColumn rename) {
      writer.keyword("RENAME COLUMN");
      Ddl.name(writer, rename.from());
      writer.keyword("TO");
      Ddl.name(writer, rename.to());
      return;
    }
    if (action instanceof AlterAction.RenameTable rename) {
      writer.keyword("RENAME TO");
      rename.to().unparse(writer, leftPrec, rightPrec);
      return;
    }
    writer.keyword("ADD");
    if (action instanceof AlterAction.AddColumn add) {
      writer.keyword("COLUMN");
      if (add.ifNotExists()) {
        writer.keyword("IF NOT EXISTS");
      }
      add.column().unparse(writer);
    } else if (action instanceof AlterAction.AddConstraint add) {
      add.constraint().unparse(writer);
    }
  }
}
