package io.pluresdb.sql.parser.ddl;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlDrop;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code DROP TABLE [IF EXISTS] name [CASCADE | RESTRICT]}, {@code DROP VIEW [IF EXISTS] name
 * [CASCADE | RESTRICT]}, {@code DROP INDEX [IF EXISTS] name} or {@code DROP SEQUENCE [IF EXISTS]
 * name [CASCADE | RESTRICT]}: the statements differ only in what they drop. Immutable.
 */
public final class SqlDropObject extends SqlDrop {
  /** What a DROP statement drops; each has its own operator and {@link SqlKind}. */
  public enum ObjectKind {
    TABLE(SqlKind.DROP_TABLE),
    VIEW(SqlKind.DROP_VIEW),
    INDEX(SqlKind.DROP_INDEX),
    SEQUENCE(SqlKind.DROP_SEQUENCE);

    private final SqlOperator operator;

    ObjectKind(SqlKind kind) {
      this.operator = new SqlSpecialOperator("DROP " + name(), kind);
    }

    /** The statement's leading keywords, e.g. {@code DROP TABLE}. */
    public String keywords() {
      return operator.getName();
    }
  }

  private final ObjectKind objectKind;
  private final SqlIdentifier name;

  public SqlDropObject(
      SqlParserPos pos, ObjectKind objectKind, boolean ifExists, SqlIdentifier name) {
    super(Objects.requireNonNull(objectKind, "objectKind").operator, pos, ifExists);
    this.objectKind = objectKind;
    this.name = Objects.requireNonNull(name, "name");
  }

  public ObjectKind objectKind() {
    return objectKind;
  }

  public SqlIdentifier name() {
    return name;
  }

  public boolean ifExists() {
    return ifExists;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(name);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(objectKind.keywords());
    if (ifExists) {
      writer.keyword("IF EXISTS");
    }
    name.unparse(writer, leftPrec, rightPrec);
  }
}
