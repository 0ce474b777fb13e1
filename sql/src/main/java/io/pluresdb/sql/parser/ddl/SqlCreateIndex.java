package io.pluresdb.sql.parser.ddl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * {@code CREATE [UNIQUE] INDEX [IF NOT EXISTS] name ON table [USING method] (columns) [WITH (key =
 * value, ...)]}. Immutable.
 */
public final class SqlCreateIndex extends SqlCreate {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE INDEX", SqlKind.CREATE_INDEX);

  private final boolean unique;
  private final SqlIdentifier name;
  private final SqlIdentifier table;
  private final @Nullable String method;
  private final List<String> columns;
  private final List<IndexOption> options;

  public SqlCreateIndex(
      SqlParserPos pos,
      boolean replace,
      boolean ifNotExists,
      boolean unique,
      SqlIdentifier name,
      SqlIdentifier table,
      @Nullable String method,
      List<String> columns,
      List<IndexOption> options) {
    super(OPERATOR, pos, replace, ifNotExists);
    this.unique = unique;
    this.name = Objects.requireNonNull(name, "name");
    this.table = Objects.requireNonNull(table, "table");
    this.method = method;
    this.columns = List.copyOf(columns);
    this.options = List.copyOf(options);
  }

  public boolean unique() {
    return unique;
  }

  public boolean ifNotExists() {
    return ifNotExists;
  }

  public SqlIdentifier name() {
    return name;
  }

  public SqlIdentifier table() {
    return table;
  }

  /** The index method in lower case: {@code btree} unless USING named another. */
  public String method() {
    return method == null ? "btree" : method.toLowerCase(Locale.ROOT);
  }

  public List<String> columns() {
    return columns;
  }

  public List<IndexOption> options() {
    return options;
  }

  /** The WITH options as text, in declaration order. */
  public Map<String, String> optionMap() {
    Map<String, String> map = new LinkedHashMap<>();
    for (IndexOption option : options) {
      map.put(option.key(), option.valueText());
    }
    return map;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(name, table);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(unique ? "CREATE UNIQUE INDEX" : "CREATE INDEX");
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    name.unparse(writer, leftPrec, rightPrec);
    writer.keyword("ON");
    table.unparse(writer, leftPrec, rightPrec);
    if (method != null) {
      writer.keyword("USING");
      writer.identifier(method, false);
    }
    Ddl.nameList(writer, columns);
    if (!options.isEmpty()) {
      writer.keyword("WITH");
      SqlWriter.Frame frame = writer.startList("(", ")");
      for (IndexOption option : options) {
        writer.sep(",");
        Ddl.name(writer, option.key());
        writer.keyword("=");
        option.value().unparse(writer, 0, 0);
      }
      writer.endList(frame);
    }
  }
}
