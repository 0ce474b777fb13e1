package io.pluresdb.tck.campaign;

import java.util.Arrays;
import java.util.List;

/**
 * The line protocol between the campaign and a {@link NodeMain} process. Requests: {@code TX <sql>
 * ;; <sql>...} (one transaction, committed), {@code Q <select>} (rows), {@code SCHEMA} (the user
 * tables' columns), {@code QUIT}. Each answer is zero or more {@code R} lines, one per row with
 * tab-separated fields, then {@code OK} or {@code ERR <sqlstate> <message>}.
 */
final class NodeProtocol {
  static final String READY = "READY";
  static final String TX = "TX";
  static final String QUERY = "Q";
  static final String SCHEMA = "SCHEMA";
  static final String QUIT = "QUIT";
  static final String OK = "OK";
  static final String ERR = "ERR";
  static final String ROW = "R";
  private static final String SEPARATOR = " ;; ";

  private NodeProtocol() {}

  static String tx(List<String> sql) {
    return TX + " " + String.join(SEPARATOR, sql);
  }

  static List<String> statements(String arg) {
    return Arrays.asList(arg.split(SEPARATOR, -1));
  }

  static String row(List<String> fields) {
    StringBuilder b = new StringBuilder(ROW);
    for (String f : fields) {
      b.append('\t').append(f.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n"));
    }
    return b.toString();
  }

  /** The fields of a {@code R} line, still escaped (compared as text, never parsed back). */
  static List<String> fields(String rowLine) {
    return Arrays.asList(rowLine.substring(ROW.length() + 1).split("\t", -1));
  }

  static String error(String sqlState, String message) {
    return ERR + " " + sqlState + " " + message.replace('\n', ' ');
  }
}
