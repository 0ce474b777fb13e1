package io.pluresdb.sql.parser;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.sql.parser.ddl.ReservedWords;
import io.pluresdb.sql.parser.impl.ParseException;
import io.pluresdb.sql.parser.impl.PluresSqlParserImpl;
import io.pluresdb.sql.parser.impl.PluresSqlParserImplConstants;
import io.pluresdb.sql.parser.impl.PluresSqlParserImplTokenManager;
import io.pluresdb.sql.parser.impl.SimpleCharStream;
import io.pluresdb.sql.parser.impl.Token;
import io.pluresdb.sql.parser.impl.TokenMgrError;
import java.io.StringReader;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.runtime.CalciteException;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The entry point to PluresDB's SQL parser: the parser configuration every stage shares, and
 * parsing of one statement or a script into Calcite {@link SqlNode}s. Syntax errors become {@link
 * java.sql.SQLSyntaxErrorException}s with SQLState 42601 naming the line, column and offending
 * token. Stateless and thread-safe: each call uses its own generated parser.
 */
public final class SqlParsers {
  /** Expected tokens are listed in error messages only when there are this few of them. */
  private static final int MAX_EXPECTED_LISTED = 6;

  /** How the generated parser words an error at a reserved word. */
  private static final Pattern KEYWORD_NEAR =
      Pattern.compile("Incorrect syntax near the keyword '([^']*)'");

  /** Reserved words, upper case: names that must be quoted to be used as names. */
  private static final Set<String> RESERVED = reservedWords();

  private static final SqlParser.Config CONFIG =
      SqlParser.config()
          .withParserFactory(PluresSqlParserImpl.FACTORY)
          .withQuoting(Quoting.DOUBLE_QUOTE)
          // As in SQLite: names are kept as written, quoted or not, and match ignoring case
          // (io.pluresdb.crdt.schema.Names).
          .withUnquotedCasing(Casing.UNCHANGED)
          .withQuotedCasing(Casing.UNCHANGED)
          .withCaseSensitive(false)
          // LIMIT/OFFSET, "!=", LIMIT ? and OFFSET ? as ORMs send them.
          .withConformance(SqlConformanceEnum.LENIENT);

  /** Names quoted only when they must be, in double quotes, as {@link #CONFIG} reads them. */
  private static final SqlDialect DIALECT =
      new Dialect(
          SqlDialect.EMPTY_CONTEXT
              .withIdentifierQuoteString("\"")
              .withUnquotedCasing(Casing.UNCHANGED)
              .withQuotedCasing(Casing.UNCHANGED)
              .withCaseSensitive(false));

  /** The unparse dialect, which tells the DDL nodes what this grammar reserves. */
  private static final class Dialect extends SqlDialect implements ReservedWords {
    Dialect(Context context) {
      super(context);
    }

    @Override
    public boolean isReservedWord(String word) {
      return SqlParsers.isReservedWord(word);
    }
  }

  private SqlParsers() {}

  /** The parser configuration: PluresDB's grammar, quoting, casing and conformance. */
  public static SqlParser.Config config() {
    return CONFIG;
  }

  /** Parses one statement; a trailing {@code ;} is allowed. */
  public static SqlNode parse(String sql) throws SQLException {
    List<SqlNode> statements = parseScript(sql);
    if (statements.size() != 1) {
      throw Errors.of(
          SqlState.SYNTAX_ERROR,
          statements.isEmpty()
              ? "syntax error: no statement in '" + sql.strip() + "'"
              : "syntax error: expected one statement, found " + statements.size());
    }
    return statements.get(0);
  }

  /** Parses {@code ;}-separated statements, in order; an empty script gives an empty list. */
  public static List<SqlNode> parseScript(String sql) throws SQLException {
    try {
      SqlNodeList list = SqlParser.create(sql, CONFIG).parseStmtList();
      return List.copyOf(list.getList());
    } catch (SqlParseException e) {
      if (e.getCause() instanceof IndexOutOfBoundsException && hasNoTokens(sql)) {
        // The generated parser cannot give a position to an empty statement list.
        return List.of();
      }
      throw syntaxError(e, sql);
    }
  }

  /** True when the text holds only blanks and comments. */
  private static boolean hasNoTokens(String sql) {
    PluresSqlParserImplTokenManager lexer =
        new PluresSqlParserImplTokenManager(new SimpleCharStream(new StringReader(sql)));
    try {
      return lexer.getNextToken().kind == PluresSqlParserImplConstants.EOF;
    } catch (TokenMgrError e) {
      return false;
    }
  }

  /** True when {@code word} (any case) is reserved and so must be quoted to be a name. */
  public static boolean isReservedWord(String word) {
    return RESERVED.contains(word.toUpperCase(Locale.ROOT));
  }

  private static Set<String> reservedWords() {
    SqlAbstractParserImpl.Metadata metadata =
        PluresSqlParserImpl.FACTORY.getParser(new StringReader("")).getMetadata();
    Set<String> words = new HashSet<>();
    for (String token : metadata.getTokens()) {
      if (metadata.isReservedWord(token)) {
        words.add(token);
      }
    }
    return Set.copyOf(words);
  }

  /** Canonical SQL for a parsed node, which {@link #parse} reads back to an equal tree. */
  public static String unparse(SqlNode node) {
    return node.toSqlString(
            c ->
                c.withDialect(DIALECT)
                    .withQuoteAllIdentifiers(false)
                    .withAlwaysUseParentheses(false)
                    .withSelectListItemsOnSeparateLines(false)
                    .withUpdateSetListNewline(false)
                    .withClauseStartsLine(false)
                    .withIndentation(0))
        .getSql();
  }

  private static SQLException syntaxError(SqlParseException e, String sql) {
    String detail;
    SqlParserPos pos = e.getPos();
    Throwable cause = e.getCause();
    if (cause instanceof ParseException pe
        && pe.currentToken != null
        && pe.currentToken.next != null) {
      Token token = pe.currentToken.next;
      pos = new SqlParserPos(token.beginLine, token.beginColumn);
      detail =
          token.kind == PluresSqlParserImplConstants.EOF
              ? "unexpected end of input"
              : "unexpected '" + token.image + "'";
      detail += expected(e.getExpectedTokenNames());
    } else if (cause instanceof ParseException && keywordNear(e.getMessage()) != null) {
      // The generated parser rewords errors at a keyword and drops the token; recover it.
      detail = "unexpected '" + keywordNear(e.getMessage()) + "'";
      detail += expected(e.getExpectedTokenNames());
    } else if (cause instanceof StackOverflowError) {
      return Errors.of(
          SqlState.STATEMENT_TOO_COMPLEX,
          "statement too complex: its expressions are nested too deeply to parse",
          e);
    } else if (cause instanceof Error && !(cause instanceof TokenMgrError)
        || cause instanceof RuntimeException && !(cause instanceof CalciteException)) {
      // A failure inside the parser itself is not the statement's fault.
      return Errors.of(SqlState.INTERNAL_ERROR, "internal error while parsing: " + cause, e);
    } else if (cause instanceof CalciteException
        && pos != null
        && pos.getLineNum() > 0
        && String.valueOf(e.getMessage()).startsWith("Non-query expression")) {
      // A misspelt verb ("SELEC 1") reads as an expression, since common words are names here.
      detail =
          "expected a statement (SELECT, INSERT, UPDATE, DELETE, CREATE, …), found '"
              + wordAt(sql, pos)
              + "'";
    } else {
      detail = firstLine(e.getMessage());
    }
    String where =
        pos == null || pos.getLineNum() <= 0
            ? ""
            : " at line " + pos.getLineNum() + ", column " + pos.getColumnNum();
    return Errors.of(SqlState.SYNTAX_ERROR, "syntax error" + where + ": " + detail, e);
  }

  /** The word starting at a parser position (1-based line and column) of {@code sql}. */
  static String wordAt(String sql, SqlParserPos pos) {
    String[] lines = sql.split("\\R", -1);
    if (pos.getLineNum() > lines.length) {
      return "";
    }
    String line = lines[pos.getLineNum() - 1];
    int start = Math.min(Math.max(pos.getColumnNum() - 1, 0), line.length());
    int end = start;
    while (end < line.length()
        && (Character.isLetterOrDigit(line.charAt(end)) || line.charAt(end) == '_')) {
      end++;
    }
    return end > start ? line.substring(start, end) : line.substring(start).strip();
  }

  private static @Nullable String keywordNear(@Nullable String message) {
    if (message == null) {
      return null;
    }
    Matcher m = KEYWORD_NEAR.matcher(message);
    return m.find() ? m.group(1) : null;
  }

  private static String expected(Collection<String> names) {
    if (names.isEmpty() || names.size() > MAX_EXPECTED_LISTED) {
      return "";
    }
    return ", expected " + String.join(" or ", names);
  }

  private static String firstLine(@Nullable String message) {
    if (message == null) {
      return "unreadable statement";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
