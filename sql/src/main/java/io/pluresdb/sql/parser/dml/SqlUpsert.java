package io.pluresdb.sql.parser.dml;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * An INSERT with a conflict clause: {@code INSERT ... ON CONFLICT ...}, {@code INSERT OR IGNORE} or
 * {@code INSERT OR REPLACE}. The plain insert is {@link #insert()}; in DO UPDATE expressions,
 * {@code excluded.c} names the value the insert proposed for column {@code c}. Immutable.
 */
public final class SqlUpsert extends SqlCall {
  /**
   * Rebuilds a SqlUpsert from {@link #getOperandList()}, so that shuttles which copy calls keep the
   * node's class.
   */
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("UPSERT", SqlKind.OTHER) {
        @Override
        public SqlCall createCall(
            @Nullable SqlLiteral functionQualifier,
            SqlParserPos pos,
            @Nullable SqlNode... operands) {
          SqlLiteral action = (SqlLiteral) Objects.requireNonNull(operands[5], "action");
          Clause clause =
              new Clause(
                  (SqlNodeList) operands[1],
                  action.getValueAs(ConflictAction.class),
                  (SqlNodeList) operands[2],
                  (SqlNodeList) operands[3],
                  operands[4]);
          return new SqlUpsert(
              pos, (SqlInsert) Objects.requireNonNull(operands[0], "insert"), clause);
        }
      };

  /**
   * The conflict clause.
   *
   * @param target the conflict target columns, or null when not given (any unique key)
   * @param action what to do on conflict
   * @param targetColumns for {@link ConflictAction#UPDATE}: the columns SET assigns
   * @param values for {@link ConflictAction#UPDATE}: the expressions, one per target column
   * @param where for {@link ConflictAction#UPDATE}: the optional condition on the existing row
   */
  public record Clause(
      @Nullable SqlNodeList target,
      ConflictAction action,
      @Nullable SqlNodeList targetColumns,
      @Nullable SqlNodeList values,
      @Nullable SqlNode where) {
    public Clause {
      Objects.requireNonNull(action, "action");
    }

    /** The clause that INSERT OR IGNORE / INSERT OR REPLACE stand for. */
    public static Clause of(ConflictAction action) {
      return new Clause(null, action, null, null, null);
    }
  }

  private final SqlInsert insert;
  private final Clause conflict;

  public SqlUpsert(SqlParserPos pos, SqlInsert insert, Clause conflict) {
    super(pos);
    this.insert = Objects.requireNonNull(insert, "insert");
    this.conflict = Objects.requireNonNull(conflict, "conflict");
  }

  public SqlInsert insert() {
    return insert;
  }

  public Clause conflict() {
    return conflict;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  /**
   * The insert, the clause's target, columns, values and condition (each may be null), and its
   * action as a symbol literal.
   */
  @Override
  public List<@Nullable SqlNode> getOperandList() {
    return ImmutableNullableList.of(
        insert,
        conflict.target(),
        conflict.targetColumns(),
        conflict.values(),
        conflict.where(),
        SqlLiteral.createSymbol(conflict.action(), SqlParserPos.ZERO));
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    if (conflict.action() == ConflictAction.REPLACE) {
      // REPLACE has no ON CONFLICT spelling; it is SQLite's INSERT OR REPLACE.
      writer.keyword("INSERT OR REPLACE INTO");
      insert.getTargetTable().unparse(writer, 0, 0);
      if (insert instanceof SqlDefaultValuesInsert) {
        writer.keyword("DEFAULT VALUES");
        return;
      }
      if (insert.getTargetColumnList() != null) {
        SqlWriter.Frame columns = writer.startList("(", ")");
        for (SqlNode column : insert.getTargetColumnList()) {
          writer.sep(",");
          column.unparse(writer, 0, 0);
        }
        writer.endList(columns);
      }
      writer.newlineAndIndent();
      insert.getSource().unparse(writer, 0, 0);
      return;
    }
    insert.unparse(writer, 0, 0);
    writer.keyword("ON CONFLICT");
    if (conflict.target() != null) {
      SqlWriter.Frame frame = writer.startList("(", ")");
      for (SqlNode column : conflict.target()) {
        writer.sep(",");
        column.unparse(writer, 0, 0);
      }
      writer.endList(frame);
    }
    switch (conflict.action()) {
      case UPDATE -> unparseUpdate(writer);
      default -> writer.keyword("DO NOTHING");
    }
  }

  private void unparseUpdate(SqlWriter writer) {
    writer.keyword("DO UPDATE SET");
    SqlNodeList columns = Objects.requireNonNull(conflict.targetColumns(), "targetColumns");
    SqlNodeList values = Objects.requireNonNull(conflict.values(), "values");
    SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.UPDATE_SET_LIST, "", "");
    for (int i = 0; i < columns.size(); i++) {
      writer.sep(",");
      columns.get(i).unparse(writer, 0, 0);
      writer.keyword("=");
      values.get(i).unparse(writer, 0, 0);
    }
    writer.endList(frame);
    if (conflict.where() != null) {
      writer.keyword("WHERE");
      conflict.where().unparse(writer, 0, 0);
    }
  }
}
