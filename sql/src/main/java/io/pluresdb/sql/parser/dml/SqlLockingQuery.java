package io.pluresdb.sql.parser.dml;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * A query with a trailing locking clause, {@code FOR UPDATE [OF …] [NOWAIT | SKIP LOCKED | WAIT n]}
 * (or {@code FOR SHARE}, {@code FOR NO KEY UPDATE}, {@code FOR KEY SHARE}), as ORMs append it for a
 * pessimistic lock. Only that the query locks is kept: it takes the store's one writer, which no
 * other transaction can hold until this one ends, so the strength, targets and wait policy all mean
 * the same. Immutable.
 */
public final class SqlLockingQuery extends SqlCall {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("FOR UPDATE", SqlKind.OTHER_FUNCTION);

  private final SqlNode query;

  public SqlLockingQuery(SqlParserPos pos, SqlNode query) {
    super(pos);
    this.query = Objects.requireNonNull(query, "query");
  }

  /** The query that locks. */
  public SqlNode query() {
    return query;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(query);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    query.unparse(writer, 0, 0);
    writer.keyword("FOR UPDATE");
  }
}
