package io.pluresdb.crdt.op;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Just enough JSON (RFC 8259) for the catalog and schema changes: reads a document into maps,
 * lists, strings, {@code Long}s (or {@code Double}s for fractions), booleans and nulls, and writes
 * strings escaped as Jackson escaped them, so text written before this class and after it look
 * alike. Schema JSON is read when a store opens; a general JSON library would load several hundred
 * classes into every cold JVM for it.
 */
final class JsonText {
  private static final String HEX = "0123456789ABCDEF";

  private final String text;
  private int pos;

  private JsonText(String text) {
    this.text = text;
  }

  /** The one value {@code text} holds; {@link IllegalArgumentException} if it is not JSON. */
  static @Nullable Object parse(String text) {
    JsonText in = new JsonText(text);
    Object value = in.value();
    in.skipSpace();
    if (in.pos != text.length()) {
      throw in.malformed("text after the value");
    }
    return value;
  }

  private @Nullable Object value() {
    skipSpace();
    if (pos >= text.length()) {
      throw malformed("a value expected");
    }
    char c = text.charAt(pos);
    switch (c) {
      case '{':
        return object();
      case '[':
        return array();
      case '"':
        return string();
      case 't':
        return word("true", Boolean.TRUE);
      case 'f':
        return word("false", Boolean.FALSE);
      case 'n':
        return word("null", null);
      default:
        return number();
    }
  }

  private Map<String, @Nullable Object> object() {
    Map<String, @Nullable Object> map = new LinkedHashMap<>();
    pos++;
    if (peek() == '}') {
      pos++;
      return map;
    }
    while (true) {
      if (peek() != '"') {
        throw malformed("a property name expected");
      }
      String key = string();
      expect(':');
      map.put(key, value());
      if (next() == '}') {
        return map;
      }
      if (text.charAt(pos - 1) != ',') {
        throw malformed("',' or '}' expected");
      }
      skipSpace();
    }
  }

  private List<@Nullable Object> array() {
    List<@Nullable Object> list = new ArrayList<>();
    pos++;
    if (peek() == ']') {
      pos++;
      return list;
    }
    while (true) {
      list.add(value());
      if (next() == ']') {
        return list;
      }
      if (text.charAt(pos - 1) != ',') {
        throw malformed("',' or ']' expected");
      }
    }
  }

  private String string() {
    StringBuilder out = new StringBuilder();
    pos++;
    while (true) {
      if (pos >= text.length()) {
        throw malformed("unterminated string");
      }
      char c = text.charAt(pos++);
      if (c == '"') {
        return out.toString();
      }
      if (c < 0x20) {
        throw malformed("control character in a string");
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (pos >= text.length()) {
        throw malformed("unterminated escape");
      }
      char e = text.charAt(pos++);
      switch (e) {
        case '"', '\\', '/' -> out.append(e);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> out.append(hex4());
        default -> throw malformed("bad escape '\\" + e + "'");
      }
    }
  }

  private char hex4() {
    if (pos + 4 > text.length()) {
      throw malformed("short \\u escape");
    }
    int v = 0;
    for (int i = 0; i < 4; i++) {
      int d = Character.digit(text.charAt(pos++), 16);
      if (d < 0) {
        throw malformed("bad \\u escape");
      }
      v = v << 4 | d;
    }
    return (char) v;
  }

  private Object number() {
    int start = pos;
    boolean integral = true;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '.' || c == 'e' || c == 'E') {
        integral = false;
      } else if (!(c == '-' || c == '+' || (c >= '0' && c <= '9'))) {
        break;
      }
      pos++;
    }
    String n = text.substring(start, pos);
    try {
      return integral ? (Object) Long.parseLong(n) : (Object) Double.parseDouble(n);
    } catch (NumberFormatException e) {
      throw malformed("bad number '" + n + "'");
    }
  }

  private @Nullable Object word(String word, @Nullable Object value) {
    if (!text.startsWith(word, pos)) {
      throw malformed("unknown word");
    }
    pos += word.length();
    return value;
  }

  private void expect(char c) {
    if (next() != c) {
      throw malformed("'" + c + "' expected");
    }
  }

  /** The next character that is not white space, consumed. */
  private char next() {
    char c = peek();
    pos++;
    return c;
  }

  private char peek() {
    skipSpace();
    if (pos >= text.length()) {
      throw malformed("unexpected end");
    }
    return text.charAt(pos);
  }

  private void skipSpace() {
    while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
  }

  private IllegalArgumentException malformed(String why) {
    return new IllegalArgumentException("malformed JSON at offset " + pos + ": " + why);
  }

  /** Appends {@code s} as a JSON string. */
  static void writeString(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append("\\u00").append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xF));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
