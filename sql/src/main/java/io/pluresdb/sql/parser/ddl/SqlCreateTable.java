package io.pluresdb.sql.parser.ddl;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code CREATE TABLE [IF NOT EXISTS] name (column | table constraint, ...)}. Immutable. */
public final class SqlCreateTable extends SqlCreate {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE TABLE", SqlKind.CREATE_TABLE);

  private final SqlIdentifier name;
  private final List<ColumnDecl> columns;
  private final List<TableConstraint> constraints;

  public SqlCreateTable(
      SqlParserPos pos,
      boolean replace,
      boolean ifNotExists,
      SqlIdentifier name,
      List<ColumnDecl> columns,
      List<TableConstraint> constraints) {
    super(OPERATOR, pos, replace, ifNotExists);
    this.name = Objects.requireNonNull(name, "name");
    this.columns = List.copyOf(columns);
    this.constraints = List.copyOf(constraints);
  }

  public SqlIdentifier name() {
    return name;
  }

  public boolean ifNotExists() {
    return ifNotExists;
  }

  public List<ColumnDecl> columns() {
    return columns;
  }

  public List<TableConstraint> constraints() {
    return constraints;
  }

  /**
   * The primary key columns, from a table constraint or from column-level PRIMARY KEY declarations
   * (in column order); empty when the table declares none.
   */
  public List<String> primaryKey() {
    for (TableConstraint c : constraints) {
      if (c.kind() == TableConstraint.Kind.PRIMARY_KEY) {
        return c.columns();
      }
    }
    return columns.stream().filter(ColumnDecl::primaryKey).map(ColumnDecl::name).toList();
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(name);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("CREATE TABLE");
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    name.unparse(writer, leftPrec, rightPrec);
    SqlWriter.Frame frame = writer.startList("(", ")");
    for (ColumnDecl column : columns) {
      writer.sep(",");
      column.unparse(writer);
    }
    for (TableConstraint constraint : constraints) {
      writer.sep(",");
      constraint.unparse(writer);
    }
    writer.endList(frame);
  }
}
