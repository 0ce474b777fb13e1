package io.pluresdb.sql.parser.live;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/** {@code UNLISTEN channel} or {@code UNLISTEN *}. Immutable. */
public final class SqlUnlisten extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("UNLISTEN", SqlKind.OTHER);

  private final @Nullable SqlIdentifier channel;

  /** A null channel means every channel ({@code UNLISTEN *}). */
  public SqlUnlisten(SqlParserPos pos, @Nullable SqlIdentifier channel) {
    super(pos);
    this.channel = channel;
  }

  /** The channel name, or null for {@code UNLISTEN *}. */
  public @Nullable String channel() {
    return channel == null ? null : Channels.name(channel);
  }

  public boolean all() {
    return channel == null;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return channel == null ? List.of() : List.of(channel);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("UNLISTEN");
    if (channel == null) {
      writer.keyword("*");
    } else {
      channel.unparse(writer, 0, 0);
    }
  }
}
