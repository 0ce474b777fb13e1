package io.pluresdb.driver.cli;

import io.pluresdb.driver.transfer.Transfer;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.jline.builtins.Completers.FileNameCompleter;
import sqlline.AbstractCommandHandler;
import sqlline.DispatchCallback;
import sqlline.SqlLine;

/**
 * The shell's {@code !export TABLE FILE} and {@code !import FILE TABLE}: the command line's {@code
 * export} and {@code import} on the shell's own connection (so inside its open transaction, if one
 * is open). A file ending in {@code .json} or {@code .jsonl} is JSON lines, any other CSV.
 */
final class TransferCommand extends AbstractCommandHandler {
  private final boolean export;

  private TransferCommand(SqlLine sqlLine, boolean export, String help) {
    super(
        sqlLine,
        new String[] {export ? "export" : "import"},
        help,
        List.of(new FileNameCompleter()));
    this.export = export;
  }

  static TransferCommand export(SqlLine sqlLine) {
    return new TransferCommand(
        sqlLine, true, "Write a table's rows to a CSV or JSON lines file: !export TABLE FILE");
  }

  static TransferCommand importing(SqlLine sqlLine) {
    return new TransferCommand(
        sqlLine, false, "Insert a CSV or JSON lines file's rows into a table: !import FILE TABLE");
  }

  @Override
  public void execute(String line, DispatchCallback callback) {
    String[] parts = sqlLine.split(line, " ", 0);
    if (parts == null || parts.length != 3) {
      sqlLine.error("Usage: " + (export ? "!export TABLE FILE" : "!import FILE TABLE"));
      callback.setToFailure();
      return;
    }
    Connection c = ShellConnection.current(sqlLine);
    if (c == null) {
      sqlLine.error("Not connected: !connect to a database first");
      callback.setToFailure();
      return;
    }
    try {
      String done = export ? export(c, parts[1], parts[2]) : load(c, parts[2], parts[1]);
      sqlLine.info(done);
      callback.setToSuccess();
    } catch (SQLException | IOException e) {
      sqlLine.error(e);
      callback.setToFailure();
    }
  }

  private static String export(Connection c, String table, String file)
      throws SQLException, IOException {
    try (Writer out = Files.newBufferedWriter(Path.of(file), StandardCharsets.UTF_8)) {
      return formatOf(file).exportTable(c, table, out) + " rows exported to " + file;
    }
  }

  private static String load(Connection c, String table, String file)
      throws SQLException, IOException {
    try (Reader in = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
      return formatOf(file).importInto(c, table, in, file) + " rows imported into " + table;
    }
  }

  private static Transfer formatOf(String file) {
    String name = file.toLowerCase(Locale.ROOT);
    return name.endsWith(".json") || name.endsWith(".jsonl") ? Transfer.JSON : Transfer.CSV;
  }
}
