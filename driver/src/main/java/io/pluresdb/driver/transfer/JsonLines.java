package io.pluresdb.driver.transfer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;

/**
 * JSON lines: one object per row, keyed by column name; numbers and booleans bare, SQL NULL as
 * {@code null}, other values as the strings {@link CellText} writes. Decimals are read as {@link
 * java.math.BigDecimal} so that no digit is lost on the way to a DECIMAL column.
 *
 * <p>Thread-safe: the mapper is configured once and only used.
 */
final class JsonLines {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private JsonLines() {}

  static long write(ResultSet rows, Writer out, LongConsumer progress)
      throws SQLException, IOException {
    ResultSetMetaData meta = rows.getMetaData();
    int n = meta.getColumnCount();
    long count = 0;
    while (rows.next()) {
      ObjectNode row = MAPPER.createObjectNode();
      for (int i = 1; i <= n; i++) {
        row.set(
            meta.getColumnLabel(i),
            MAPPER.valueToTree(CellText.read(rows, i, meta.getColumnType(i))));
      }
      out.write(MAPPER.writeValueAsString(row));
      out.write('\n');
      count++;
      progress.accept(count);
    }
    out.flush();
    return count;
  }

  static void read(Reader in, String file, RowInserter rows) throws SQLException, IOException {
    BufferedReader lines = new BufferedReader(in);
    long line = 0;
    for (String text = lines.readLine(); text != null; text = lines.readLine()) {
      line++;
      if (text.isBlank()) {
        continue;
      }
      JsonNode row;
      try {
        row = MAPPER.readTree(text);
      } catch (JsonProcessingException e) {
        throw Errors.of(
            SqlState.INVALID_TEXT_REPRESENTATION,
            file + " line " + line + " is not JSON: " + e.getOriginalMessage(),
            e);
      }
      if (!row.isObject()) {
        throw Errors.of(
            SqlState.INVALID_TEXT_REPRESENTATION,
            file + " line " + line + " is not a JSON object of column values");
      }
      List<String> names = new ArrayList<>();
      List<@Nullable String> texts = new ArrayList<>();
      for (Map.Entry<String, JsonNode> field : row.properties()) {
        names.add(field.getKey());
        texts.add(text(field.getValue()));
      }
      rows.insert(line, names, texts);
    }
  }

  private static @Nullable String text(JsonNode value) {
    if (value.isNull()) {
      return null;
    }
    if (value.isBigDecimal()) {
      return value.decimalValue().toPlainString();
    }
    // an object or array (a JSON column's document) as its JSON text
    return value.isContainerNode() ? value.toString() : value.asText();
  }
}
