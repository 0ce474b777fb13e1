package io.pluresdb.sql.lenient;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * A recursive CTE whose body ends in {@code LIMIT}, {@code WITH RECURSIVE cnt(x) AS (SELECT 1 UNION
 * ALL SELECT x + 1 FROM cnt LIMIT 10)}: SQLite stops the recursion after that many rows; the
 * validator only sees a CTE as recursive when its body is the set operation itself. The limit is
 * taken off for validation and put back on the validated body, so SQLite reads it as written.
 */
public final class RecursiveLimits {
  /** A limit taken off the body of the CTE named at {@code name}. */
  public record Limit(SqlParserPos name, SqlOrderBy limit) {}

  private RecursiveLimits() {}

  /**
   * The validated body with its limit, written as SQLite reads it: {@code (a UNION ALL b LIMIT n
   * OFFSET m)}, the set operation bare (Calcite would parenthesize it before an ORDER BY's LIMIT).
   */
  private static final class Limited extends SqlCall {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("LIMITED", SqlKind.OTHER);
    private final SqlNode body;
    private final SqlOrderBy limit;

    Limited(SqlNode body, SqlOrderBy limit) {
      super(limit.getParserPosition());
      this.body = body;
      this.limit = limit;
    }

    @Override
    public SqlOperator getOperator() {
      return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
      return List.of(body);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
      SqlWriter.Frame frame = writer.startList("(", ")");
      body.unparse(writer, 0, 0);
      if (limit.fetch != null) {
        writer.keyword("LIMIT");
        limit.fetch.unparse(writer, 0, 0);
      }
      if (limit.offset != null) {
        writer.keyword("OFFSET");
        limit.offset.unparse(writer, 0, 0);
      }
      writer.endList(frame);
    }
  }

  /** Takes the limits off, in place; returns them for {@link #reattach}. */
  public static List<Limit> detach(SqlNode query) {
    List<Limit> out = new ArrayList<>();
    query.accept(
        new SqlBasicVisitor<Void>() {
          @Override
          public Void visit(SqlCall call) {
            if (call instanceof SqlWithItem item
                && item.recursive.booleanValue()
                && item.query instanceof SqlOrderBy limit
                && limit.orderList.isEmpty()
                && limit.query.getKind() == SqlKind.UNION) {
              out.add(new Limit(item.name.getParserPosition(), limit));
              item.query = limit.query;
            }
            return super.visit(call);
          }
        });
    return out;
  }

  /** Puts the limits back on the validated bodies of their CTEs. */
  public static void reattach(SqlNode validated, List<Limit> limits) {
    if (limits.isEmpty()) {
      return;
    }
    validated.accept(
        new SqlBasicVisitor<Void>() {
          @Override
          public Void visit(SqlCall call) {
            super.visit(call);
            if (call instanceof SqlWithItem item) {
              for (Limit l : limits) {
                if (l.name().equals(item.name.getParserPosition())) {
                  item.query = new Limited(item.query, l.limit());
                }
              }
            }
            return null;
          }
        });
  }
}
