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
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code CREATE TABLE [IF NOT EXISTS] name AS query}: a table whose columns are named and typed
 * from the query, filled with its rows. Immutable.
 */
public final class SqlCreateTableAs extends SqlCreate {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE TABLE AS", SqlKind.CREATE_TABLE);

  private final SqlIdentifier name;
  private final SqlNode query;
  private final @Nullable String querySql;

  public SqlCreateTableAs(
      SqlParserPos pos,
      boolean ifNotExists,
      SqlIdentifier name,
      SqlNode query,
      @Nullable String querySql) {
    super(OPERATOR, pos, false, ifNotExists);
    this.name = Objects.requireNonNull(name, "name");
    this.query = Objects.requireNonNull(query, "query");
    this.querySql = querySql;
  }

  public SqlIdentifier name() {
    return name;
  }

  public boolean ifNotExists() {
    return ifNotExists;
  }

  public SqlNode query() {
    return query;
  }

  /** The query as the user wrote it, cut from the statement's text, or null if unknown. */
  public @Nullable String querySql() {
    return querySql;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(name, query);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("CREATE TABLE");
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    name.unparse(writer, leftPrec, rightPrec);
    writer.keyword("AS");
    query.unparse(writer, 0, 0);
  }
}
