package io.pluresdb.driver.cli;

import io.pluresdb.jdbc.PluresDriver;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pluresdb import DB --table T FILE}: inserts a CSV or JSON lines file's rows into a table
 * in one transaction, with the rows done on standard error (once a second, then the total); a bad
 * value or a refused row stops it with an error naming the line and column, and nothing is
 * imported. Works while another process holds the database (the writes go through that process). A
 * database file that does not exist is refused unless {@code --create} is given.
 */
@Command(
    name = "import",
    footerHeading = "%nExamples:%n",
    footer = {
      "  java -jar pluresdb.jar import ./app.db --table note note.csv",
      "  java -jar pluresdb.jar import ./app.db --table note --format json note.jsonl",
      "  cat note.csv | java -jar pluresdb.jar import ./app.db --table note -"
    },
    description = {
      "Insert the rows of a CSV file (a header row of column names) or JSON lines into a table,"
          + " all or none.",
      "CSV: an empty unquoted field is NULL, \"\" the empty string; binary values are hexadecimal;"
          + " columns the file leaves out take their defaults."
    })
final class ImportCommand implements Callable<Integer> {
  @Mixin private TransferOptions options;

  @Parameters(index = "1", paramLabel = "FILE", description = "The file to read; - for stdin.")
  private String file;

  @Option(names = "--table", required = true, paramLabel = "TABLE", description = "The table.")
  private String table;

  @Option(
      names = "--create",
      description = "Create the database file if it does not exist (else a missing file fails).")
  private boolean create;

  @Override
  public Integer call() throws IOException {
    PluresDriver.register();
    RowCount count = RowCount.onStandardError("imported");
    try (Connection c = options.connect(create, " (--create makes a new database)");
        Reader in = open()) {
      long rows = options.format.importInto(c, table, in, file.equals("-") ? "stdin" : file, count);
      count.finish(rows, " into " + table);
      return 0;
    } catch (SQLException e) {
      return DatabaseArg.fail(e);
    }
  }

  private Reader open() throws IOException {
    if (file.equals("-")) {
      return new InputStreamReader(System.in, StandardCharsets.UTF_8);
    }
    return Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
  }
}
