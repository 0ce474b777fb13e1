package io.pluresdb.sql.parser.pragma;

import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.jspecify.annotations.Nullable;

/**
 * {@code PRAGMA [schema.]name [= value | (value)]}. Immutable.
 *
 * <p>{@link #argument()} is the value as SQLite reads it: a quoted name or string without its
 * quotes, anything else as written.
 */
public final class SqlPragma extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("PRAGMA", SqlKind.OTHER);

  private final SqlIdentifier name;
  private final @Nullable String value;
  private final boolean assigned;

  public SqlPragma(SqlParserPos pos, SqlIdentifier name, @Nullable String value, boolean assigned) {
    super(pos);
    this.name = name;
    this.value = value;
    this.assigned = assigned;
  }

  /** The pragma's name in lower case, without its schema. */
  public String pragma() {
    return name.names.get(name.names.size() - 1).toLowerCase(Locale.ROOT);
  }

  /** The schema it names ({@code main}, {@code temp}), or null. */
  public @Nullable String schema() {
    return name.names.size() > 1 ? name.names.get(0) : null;
  }

  /** The value or argument with SQLite's quotes removed, or null when none was given. */
  public @Nullable String argument() {
    if (value == null) {
      return null;
    }
    String v = value.strip();
    if (v.length() >= 2) {
      char first = v.charAt(0);
      char last = v.charAt(v.length() - 1);
      if ((first == '\'' && last == '\'') || (first == '"' && last == '"')) {
        String quote = String.valueOf(first);
        return v.substring(1, v.length() - 1).replace(quote + quote, quote);
      }
      if ((first == '[' && last == ']') || (first == '`' && last == '`')) {
        return v.substring(1, v.length() - 1);
      }
    }
    return v;
  }

  /** True for {@code PRAGMA x = v}, false for {@code PRAGMA x(v)} and {@code PRAGMA x}. */
  public boolean assigned() {
    return assigned;
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
    writer.keyword("PRAGMA");
    name.unparse(writer, 0, 0);
    if (value != null) {
      writer.print(assigned ? " = " + value : "(" + value + ")");
    }
  }
}
