package io.pluresdb.sql.parser.live;

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

/** {@code LISTEN channel}. Immutable. */
public final class SqlListen extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("LISTEN", SqlKind.OTHER);

  private final SqlIdentifier channel;

  public SqlListen(SqlParserPos pos, SqlIdentifier channel) {
    super(pos);
    this.channel = Objects.requireNonNull(channel, "channel");
  }

  /** The channel name (unquoted names folded to lower case). */
  public String channel() {
    return Channels.name(channel);
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(channel);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("LISTEN");
    channel.unparse(writer, 0, 0);
  }
}
