package io.pluresdb.driver.cli;

import io.pluresdb.jdbc.PluresDriver;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pluresdb export DB --table T | --query SQL}: writes a table's rows or a query's result as
 * CSV or JSON lines, to standard output or a file, with the rows done on standard error (once a
 * second, then the total). A database file that does not exist is refused. Works while another
 * process holds the database (its connection reads the file beside the owner).
 */
@Command(
    name = "export",
    footerHeading = "%nExamples:%n",
    footer = {
      "  java -jar pluresdb.jar export ./app.db --table note --format csv > note.csv",
      "  java -jar pluresdb.jar export ./app.db --query 'SELECT id, body FROM note WHERE id > 10'",
      "  java -jar pluresdb.jar export ./app.db --table note --format json --output note.jsonl"
    },
    description = {
      "Write a table or a query's rows as CSV (RFC 4180, a header row of column names) or JSON"
          + " lines.",
      "CSV: an empty unquoted field is NULL, \"\" the empty string; binary values are hexadecimal;"
          + " dates and times ISO 8601 (2026-12-02 09:00:00)."
    })
final class ExportCommand implements Callable<Integer> {
  @Mixin private TransferOptions options;

  @ArgGroup(multiplicity = "1")
  private Source source;

  static final class Source {
    @Option(names = "--table", paramLabel = "TABLE", description = "Every row of TABLE.")
    String table;

    @Option(names = "--query", paramLabel = "SQL", description = "The rows of a SELECT.")
    String query;
  }

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "Write to FILE instead of standard output.")
  private Path output;

  @Override
  public Integer call() throws IOException {
    PluresDriver.register();
    RowCount count = RowCount.onStandardError("exported");
    try (Connection c = options.connect(false, "");
        Writer out = open()) {
      long rows =
          source.query != null
              ? options.format.exportQuery(c, source.query, out, count)
              : options.format.exportTable(c, source.table, out, count);
      count.finish(rows, output == null ? "" : " to " + output);
      return 0;
    } catch (SQLException e) {
      return DatabaseArg.fail(e);
    }
  }

  private Writer open() throws IOException {
    if (output != null) {
      return Files.newBufferedWriter(output, StandardCharsets.UTF_8);
    }
    // standard output stays open for the JVM: flush, do not close it
    return new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)) {
      @Override
      public void close() throws IOException {
        flush();
      }
    };
  }
}
