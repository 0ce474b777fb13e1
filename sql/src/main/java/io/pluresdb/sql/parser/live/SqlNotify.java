package io.pluresdb.sql.parser.live;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/** {@code NOTIFY channel [, 'payload']}. Immutable. */
public final class SqlNotify extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("NOTIFY", SqlKind.OTHER);

  private final SqlIdentifier channel;
  private final @Nullable SqlNode payload;

  public SqlNotify(SqlParserPos pos, SqlIdentifier channel, @Nullable SqlNode payload) {
    super(pos);
    this.channel = Objects.requireNonNull(channel, "channel");
    this.payload = payload;
  }

  /** The channel name (unquoted names folded to lower case). */
  public String channel() {
    return Channels.name(channel);
  }

  /** The payload text, or null when none was given. */
  public @Nullable String payload() {
    return payload instanceof SqlCharStringLiteral s ? s.getValueAs(String.class) : null;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return payload == null ? List.of(channel) : List.of(channel, payload);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("NOTIFY");
    SqlWriter.Frame frame = writer.startList("", "");
    channel.unparse(writer, 0, 0);
    if (payload != null) {
      writer.sep(",");
      payload.unparse(writer, 0, 0);
    }
    writer.endList(frame);
  }
}
