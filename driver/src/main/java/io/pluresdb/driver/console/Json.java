package io.pluresdb.driver.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pluresdb.sync.http.HttpReply;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The console's JSON: answers as JSON, SQL values as JSON values and SQL errors with their
 * SQLState.
 *
 * <p>Stateless and thread-safe (the mapper is configured once and only used).
 */
final class Json {
  static final String TYPE = "application/json; charset=utf-8";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static String text(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass() + " as JSON", e);
    }
  }

  static void send(HttpReply reply, int status, Object value) {
    reply.send(status, TYPE, Map.of("Cache-Control", "no-store"), bytes(text(value)));
  }

  static void sendError(HttpReply reply, int status, String message) {
    send(reply, status, Map.of("error", Map.of("message", message)));
  }

  /** A SQL error as the page shows it: 400 with the SQLState and the message. */
  static void sendError(HttpReply reply, SQLException e) {
    send(reply, 400, Map.of("error", error(e)));
  }

  static Map<String, Object> error(SQLException e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sqlState", e.getSQLState() == null ? "" : e.getSQLState());
    m.put("message", String.valueOf(e.getMessage()));
    return m;
  }

  /** A value of a row as JSON shows it: numbers, text and booleans as such, bytes in hex. */
  static @Nullable Object value(@Nullable Object v) {
    if (v == null || v instanceof Boolean || v instanceof String) {
      return v;
    }
    if (v instanceof Number n) {
      // beyond 2^53 a browser loses digits: send those as text
      return n instanceof BigDecimal || Math.abs(n.doubleValue()) > (1L << 53) ? n.toString() : n;
    }
    if (v instanceof byte[] b) {
      return "x'" + HexFormat.of().formatHex(b) + "'";
    }
    return v.toString();
  }

  static List<String> columns(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    List<String> names = new ArrayList<>(md.getColumnCount());
    for (int i = 1; i <= md.getColumnCount(); i++) {
      names.add(md.getColumnLabel(i));
    }
    return names;
  }

  /** Up to {@code max} rows of {@code rs}; one more is read to tell whether there were more. */
  static Rows rows(ResultSet rs, int max) throws SQLException {
    int n = rs.getMetaData().getColumnCount();
    List<List<@Nullable Object>> rows = new ArrayList<>();
    boolean more = false;
    while (rs.next()) {
      if (rows.size() == max) {
        more = true;
        break;
      }
      List<@Nullable Object> row = new ArrayList<>(n);
      for (int i = 1; i <= n; i++) {
        row.add(value(rs.getObject(i)));
      }
      rows.add(row);
    }
    return new Rows(columns(rs), rows, more);
  }

  /** Rows read from a result set, and whether it had more than were read. */
  record Rows(List<String> columns, List<List<@Nullable Object>> rows, boolean more) {}

  static byte[] bytes(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
