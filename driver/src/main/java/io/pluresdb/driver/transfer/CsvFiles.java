package io.pluresdb.driver.transfer;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongConsumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.apache.commons.csv.QuoteMode;
import org.jspecify.annotations.Nullable;

/**
 * CSV as RFC 4180 writes it (CRLF line ends, double quotes), with a header row of column names.
 * Every value but a number or boolean is quoted, which is what keeps SQL NULL (an empty unquoted
 * field) apart from the empty string ({@code ""}); Commons CSV reads the same distinction back.
 *
 * <p>Stateless and thread-safe.
 */
final class CsvFiles {
  /** Header row first; quotes around all but numbers, so that an unquoted empty field is NULL. */
  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180
          .builder()
          .setQuoteMode(QuoteMode.NON_NUMERIC)
          .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
          .get();

  private CsvFiles() {}

  static long write(ResultSet rows, Writer out, LongConsumer progress)
      throws SQLException, IOException {
    ResultSetMetaData meta = rows.getMetaData();
    int n = meta.getColumnCount();
    int[] types = new int[n];
    List<String> header = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      header.add(meta.getColumnLabel(i));
      types[i - 1] = meta.getColumnType(i);
    }
    long count = 0;
    // not closed: closing the printer would close the caller's writer
    CSVPrinter printer = new CSVPrinter(out, FORMAT);
    printer.printRecord(header);
    List<@Nullable Object> values = new ArrayList<>(n);
    while (rows.next()) {
      values.clear();
      for (int i = 1; i <= n; i++) {
        values.add(CellText.read(rows, i, types[i - 1]));
      }
      printer.printRecord(values);
      count++;
      progress.accept(count);
    }
    printer.flush();
    return count;
  }

  static void read(Reader in, String file, RowInserter rows) throws SQLException, IOException {
    CSVFormat format = FORMAT.builder().setHeader().setSkipHeaderRecord(true).get();
    try (CSVParser parser = CSVParser.builder().setReader(in).setFormat(format).get()) {
      List<String> names = parser.getHeaderNames();
      long lineEnd = parser.getCurrentLineNumber();
      Iterator<CSVRecord> records = parser.iterator();
      while (records.hasNext()) {
        CSVRecord record = records.next();
        long line = lineEnd + 1; // a quoted value may span lines: the record starts after the last
        lineEnd = parser.getCurrentLineNumber();
        if (record.size() != names.size()) {
          throw Errors.of(
              SqlState.INVALID_TEXT_REPRESENTATION,
              file
                  + " line "
                  + line
                  + " has "
                  + record.size()
                  + " fields, the header names "
                  + names.size());
        }
        List<@Nullable String> texts = new ArrayList<>(record.size());
        record.forEach(texts::add);
        rows.insert(line, names, texts);
      }
    } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
      // Commons CSV reports malformed input (a stray quote, a duplicate header) this way
      throw Errors.of(
          SqlState.INVALID_TEXT_REPRESENTATION, file + " is not valid CSV: " + e.getMessage(), e);
    }
  }
}
