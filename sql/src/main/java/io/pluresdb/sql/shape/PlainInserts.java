package io.pluresdb.sql.shape;

import io.pluresdb.sql.parser.SqlParsers;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads the plainest INSERT, {@code INSERT INTO t [(a, b)] VALUES (?, ?), (?, ?)}, without the
 * parser: every value a parameter of its own (as a shape's literals become, see {@link
 * InsertShapes}, or as a prepared statement writes them). Such a statement needs no validation and
 * no expression typing: each parameter is the value of its target column, so it can be planned from
 * its names alone.
 *
 * <p>Anything else gives null and the statement goes to the parser: another verb or conflict
 * clause, a qualifier other than {@code main}, a name quoted other than with double quotes or a
 * bare name the parser reserves, a value other than a lone {@code ?}, comments, a clause after the
 * rows, more than one statement.
 *
 * <p>Stateless and thread-safe.
 */
public final class PlainInserts {
  private PlainInserts() {}

  /**
   * A plain INSERT as written. Immutable.
   *
   * @param table the target table's name, unquoted
   * @param columns the target columns' names, unquoted, or null when the statement lists none
   * @param rowWidths how many values each row has
   */
  public record PlainInsert(String table, @Nullable List<String> columns, List<Integer> rowWidths) {
    public PlainInsert {
      columns = columns == null ? null : List.copyOf(columns);
      rowWidths = List.copyOf(rowWidths);
    }
  }

  /** The statement read as a plain INSERT, or null when it is not one. */
  public static @Nullable PlainInsert of(String sql) {
    return new Scan(sql).insert();
  }

  /** One pass over one statement's text. Not thread-safe: one per call. */
  private static final class Scan extends SqlLexer {
    Scan(String sql) {
      super(sql);
    }

    @Nullable PlainInsert insert() {
      if (!keyword("insert") || !keyword("into")) {
        return null;
      }
      String table = name();
      if (table == null || !blanks()) {
        return null;
      }
      if (i < n && s.charAt(i) == '.') {
        i++;
        if (!"main".equalsIgnoreCase(table) || !blanks()) {
          return null;
        }
        table = name();
        if (table == null || !blanks()) {
          return null;
        }
      }
      List<String> columns = null;
      if (i < n && s.charAt(i) == '(') {
        i++;
        columns = columns();
        if (columns == null) {
          return null;
        }
      }
      if (!keyword("values")) {
        return null;
      }
      List<Integer> widths = rows();
      if (widths == null || !blanks()) {
        return null;
      }
      if (i < n && s.charAt(i) == ';') {
        i++;
        if (!blanks()) {
          return null;
        }
      }
      return i == n ? new PlainInsert(table, columns, widths) : null;
    }

    /** Past blanks and the keyword {@code lower}; false when the next word is not that one. */
    private boolean keyword(String lower) {
      return blanks() && i < n && identStart(s.charAt(i)) && lower.equals(word());
    }

    /** A name, bare (and not reserved) or in double quotes, unquoted; else null. */
    private @Nullable String name() {
      if (!blanks() || i >= n) {
        return null;
      }
      char c = s.charAt(i);
      if (c == '"') {
        int start = i;
        if (!quotedName() || i - start < 3) {
          return null;
        }
        return s.substring(start + 1, i - 1).replace("\"\"", "\"");
      }
      if (!identStart(c)) {
        return null;
      }
      int start = i;
      word();
      String bare = s.substring(start, i);
      return SqlParsers.isReservedWord(bare) ? null : bare;
    }

    /** The column list after its opening parenthesis, up to and past the closing one. */
    private @Nullable List<String> columns() {
      List<String> out = new ArrayList<>();
      while (true) {
        String column = name();
        if (column == null || !blanks() || i >= n) {
          return null;
        }
        out.add(column);
        char c = s.charAt(i++);
        if (c == ')') {
          return out;
        }
        if (c != ',') {
          return null;
        }
      }
    }

    /** One or more rows of lone parameters; each row's width, or null. */
    private @Nullable List<Integer> rows() {
      List<Integer> widths = new ArrayList<>();
      while (true) {
        if (!blanks() || i >= n || s.charAt(i) != '(') {
          return null;
        }
        i++;
        int width = 0;
        while (true) {
          if (!blanks() || i >= n || s.charAt(i) != '?') {
            return null;
          }
          i++;
          width++;
          if (!blanks() || i >= n) {
            return null;
          }
          char c = s.charAt(i++);
          if (c == ')') {
            break;
          }
          if (c != ',') {
            return null;
          }
        }
        widths.add(width);
        if (!blanks()) {
          return null;
        }
        if (i >= n || s.charAt(i) != ',') {
          return widths;
        }
        i++;
      }
    }
  }
}
