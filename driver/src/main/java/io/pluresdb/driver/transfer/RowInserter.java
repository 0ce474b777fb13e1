package io.pluresdb.driver.transfer;

import io.pluresdb.crdt.error.Errors;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Inserts a file's rows into one table, one statement per row, so that an error names the line it
 * came from: the values' texts are read as their columns' types ({@link CellText}), SQL NULL stays
 * NULL, and a column the file leaves out takes its default.
 *
 * <p>Not thread-safe: one import uses it from one thread; {@link #close} closes its statements.
 */
final class RowInserter implements AutoCloseable {
  private final Connection connection;
  private final TargetTable table;
  private final String file;
  private final LongConsumer progress;
  // JSON lines may name different columns on different lines: one statement per set of names
  private final Map<List<String>, PreparedStatement> statements = new HashMap<>();
  private long rows;

  RowInserter(Connection connection, TargetTable table, String file, LongConsumer progress) {
    this.connection = connection;
    this.table = table;
    this.file = file;
    this.progress = progress;
  }

  /**
   * Inserts one row.
   *
   * @param line the line of the file the row starts on, for errors
   * @param names the columns, as the file names them
   * @param texts their values' texts, null for SQL NULL
   */
  void insert(long line, List<String> names, List<@Nullable String> texts) throws SQLException {
    String where = file + " line " + line;
    List<TargetTable.Column> columns = new ArrayList<>(names.size());
    for (String name : names) {
      columns.add(table.column(name, where));
    }
    PreparedStatement insert = statement(names, columns);
    for (int i = 0; i < columns.size(); i++) {
      TargetTable.Column c = columns.get(i);
      String text = texts.get(i);
      if (text == null) {
        insert.setNull(i + 1, c.jdbcType() == Types.OTHER ? Types.VARCHAR : c.jdbcType());
      } else {
        String place = where + ", column '" + c.name() + "' of table '" + table.name() + "'";
        insert.setObject(i + 1, CellText.parse(text, c.jdbcType(), c.typeName(), place));
      }
    }
    try {
      insert.executeUpdate();
    } catch (SQLException e) {
      // the database's own error (a duplicate key, a NOT NULL column...), with the line it is from
      SQLException located = Errors.ofCode(stateOf(e), where + ": " + e.getMessage());
      located.initCause(e);
      throw located;
    }
    rows++;
    progress.accept(rows);
  }

  /** The rows inserted so far. */
  long rows() {
    return rows;
  }

  private PreparedStatement statement(List<String> names, List<TargetTable.Column> columns)
      throws SQLException {
    PreparedStatement known = statements.get(names);
    if (known != null) {
      return known;
    }
    StringJoiner list = new StringJoiner(", ", " (", ")");
    StringJoiner marks = new StringJoiner(", ", " VALUES (", ")");
    for (TargetTable.Column c : columns) {
      list.add(TargetTable.quote(c.name()));
      marks.add("?");
    }
    String sql = "INSERT INTO " + TargetTable.quote(table.name()) + list + marks;
    PreparedStatement made = connection.prepareStatement(sql);
    statements.put(List.copyOf(names), made);
    return made;
  }

  private static String stateOf(SQLException e) {
    String state = e.getSQLState();
    return state == null ? "HY000" : state;
  }

  @Override
  public void close() throws SQLException {
    SQLException first = null;
    for (PreparedStatement s : statements.values()) {
      try {
        s.close();
      } catch (SQLException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
