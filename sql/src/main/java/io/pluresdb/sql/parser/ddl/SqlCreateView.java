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

/** {@code CREATE [OR REPLACE] VIEW name [(columns)] AS query}. Immutable. */
public final class SqlCreateView extends SqlCreate {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE VIEW", SqlKind.CREATE_VIEW);

  private final SqlIdentifier name;
  private final @Nullable List<String> columns;
  private final SqlNode query;
  private final @Nullable String querySql;

  /**
   * Creates a CREATE VIEW node.
   *
   * @param querySql the query's text as written in the statement, or null when unknown
   */
  public SqlCreateView(
      SqlParserPos pos,
      boolean replace,
      SqlIdentifier name,
      @Nullable List<String> columns,
      SqlNode query,
      @Nullable String querySql) {
    super(OPERATOR, pos, replace, false);
    this.name = Objects.requireNonNull(name, "name");
    this.columns = columns == null ? null : List.copyOf(columns);
    this.query = Objects.requireNonNull(query, "query");
    this.querySql = querySql;
  }

  public SqlIdentifier name() {
    return name;
  }

  public boolean orReplace() {
    return getReplace();
  }

  /** The declared column names, or null when the view takes the query's names. */
  public @Nullable List<String> columns() {
    return columns;
  }

  public SqlNode query() {
    return query;
  }

  /** The defining query exactly as the statement wrote it, or null when the text is unknown. */
  public @Nullable String querySql() {
    return querySql;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(name, query);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(getReplace() ? "CREATE OR REPLACE VIEW" : "CREATE VIEW");
    name.unparse(writer, leftPrec, rightPrec);
    if (columns != null) {
      Ddl.nameList(writer, columns);
    }
    writer.keyword("AS");
    writer.newlineAndIndent();
    query.unparse(writer, 0, 0);
  }
}
