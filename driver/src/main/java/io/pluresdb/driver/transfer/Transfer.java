package io.pluresdb.driver.transfer;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.LongConsumer;

/**
 * A file format rows move in: {@link #CSV} (RFC 4180, a header row of column names; an empty
 * unquoted field is SQL NULL and {@code ""} the empty string) or {@link #JSON} lines (one object
 * per row; {@code null} is SQL NULL).
 */
public enum Transfer {
  CSV,
  JSON;

  private static final LongConsumer NO_PROGRESS = rows -> {};

  /**
   * Writes every row of {@code table} to {@code out}.
   *
   * @return the number of rows written
   * @throws SQLException 42P01 if there is no such table
   */
  public long exportTable(Connection connection, String table, Writer out)
      throws SQLException, IOException {
    return exportTable(connection, table, out, NO_PROGRESS);
  }

  /**
   * Writes every row of {@code table} to {@code out}, telling {@code progress} the number of rows
   * written so far after each row.
   *
   * @return the number of rows written
   * @throws SQLException 42P01 if there is no such table
   */
  public long exportTable(Connection connection, String table, Writer out, LongConsumer progress)
      throws SQLException, IOException {
    String name = TargetTable.of(connection, table).name();
    return exportQuery(connection, "SELECT * FROM " + TargetTable.quote(name), out, progress);
  }

  /**
   * Writes the rows of the query {@code sql} to {@code out}.
   *
   * @return the number of rows written
   */
  public long exportQuery(Connection connection, String sql, Writer out)
      throws SQLException, IOException {
    return exportQuery(connection, sql, out, NO_PROGRESS);
  }

  /**
   * Writes the rows of the query {@code sql} to {@code out}, telling {@code progress} the number of
   * rows written so far after each row.
   *
   * @return the number of rows written
   */
  public long exportQuery(Connection connection, String sql, Writer out, LongConsumer progress)
      throws SQLException, IOException {
    try (Statement s = connection.createStatement();
        ResultSet rows = s.executeQuery(sql)) {
      return this == CSV
          ? CsvFiles.write(rows, out, progress)
          : JsonLines.write(rows, out, progress);
    }
  }

  /**
   * Inserts the rows of {@code in} into {@code table}, all or none: in a transaction of its own
   * when {@code connection} is in auto-commit mode, else in the transaction open on it.
   *
   * @param file the file's name, for errors ("note.csv line 3, column 'id' …")
   * @return the number of rows inserted
   * @throws SQLException naming the line and column of the first bad value or refused row
   */
  public long importInto(Connection connection, String table, Reader in, String file)
      throws SQLException, IOException {
    return importInto(connection, table, in, file, NO_PROGRESS);
  }

  /**
   * {@link #importInto(Connection, String, Reader, String)}, telling {@code progress} the number of
   * rows inserted so far after each row (rows a failure then rolls back included).
   */
  public long importInto(
      Connection connection, String table, Reader in, String file, LongConsumer progress)
      throws SQLException, IOException {
    TargetTable target = TargetTable.of(connection, table);
    boolean own = connection.getAutoCommit();
    if (own) {
      connection.setAutoCommit(false);
    }
    try (RowInserter rows = new RowInserter(connection, target, file, progress)) {
      if (this == CSV) {
        CsvFiles.read(in, file, rows);
      } else {
        JsonLines.read(in, file, rows);
      }
      if (own) {
        connection.commit();
      }
      return rows.rows();
    } catch (SQLException | IOException | RuntimeException e) {
      if (own) {
        connection.rollback();
      }
      throw e;
    } finally {
      if (own) {
        connection.setAutoCommit(true);
      }
    }
  }
}
