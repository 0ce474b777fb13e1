package io.pluresdb.crdt.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Plain JSON values as a document holds them: scalars keep their JSON text (numbers as written,
 * strings re-escaped as SQLite's {@code json_quote} escapes them), objects keep their keys' order,
 * and arrays rendered from a document know their elements' ids. Written back minified, as SQLite's
 * {@code json()} writes.
 *
 * <p>Stateless.
 */
final class Json {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final String HEX = "0123456789abcdef";

  private Json() {}

  /** A JSON value. */
  sealed interface Value permits Scalar, Obj, Arr {}

  /** A string, number, boolean or null, as its JSON text. */
  record Scalar(String raw) implements Value {}

  /** An object: its members in order. */
  record Obj(Map<String, Value> members) implements Value {}

  /**
   * An array; {@code ids} are the elements' ids when rendered from a document, else null. Equal to
   * another array with equal items, whatever the ids.
   */
  record Arr(List<Value> items, @Nullable List<Seg.Elem> ids) implements Value {
    @Override
    public boolean equals(Object o) {
      return o instanceof Arr a && items.equals(a.items);
    }

    @Override
    public int hashCode() {
      return items.hashCode();
    }
  }

  /** The value {@code text} holds; {@link IllegalArgumentException} if it is not one JSON value. */
  static Value parse(String text) {
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new IllegalArgumentException("not JSON: empty text");
      }
      Value v = value(p, t);
      if (p.nextToken() != null) {
        throw new IllegalArgumentException("not JSON: text after the value");
      }
      return v;
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
  }

  private static Value value(JsonParser p, JsonToken t) throws IOException {
    switch (t) {
      case START_OBJECT -> {
        Map<String, Value> m = new LinkedHashMap<>();
        for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
          String name = p.currentName();
          m.remove(name); // a repeated key keeps its last value, at its last place
          m.put(name, value(p, p.nextToken()));
        }
        return new Obj(m);
      }
      case START_ARRAY -> {
        List<Value> items = new ArrayList<>();
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
          items.add(value(p, e));
        }
        return new Arr(items, null);
      }
      case VALUE_STRING -> {
        return new Scalar(quote(p.getText()));
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> {
        return new Scalar(p.getText());
      }
      default -> throw new IllegalArgumentException("not JSON: unexpected " + t);
    }
  }

  /** The minified JSON text of a value. */
  static String write(Value v) {
    StringBuilder b = new StringBuilder();
    write(b, v);
    return b.toString();
  }

  private static void write(StringBuilder b, Value v) {
    if (v instanceof Scalar s) {
      b.append(s.raw());
    } else if (v instanceof Obj o) {
      b.append('{');
      boolean first = true;
      for (Map.Entry<String, Value> e : o.members().entrySet()) {
        if (!first) {
          b.append(',');
        }
        first = false;
        quote(b, e.getKey());
        b.append(':');
        write(b, e.getValue());
      }
      b.append('}');
    } else if (v instanceof Arr a) {
      b.append('[');
      for (int i = 0; i < a.items().size(); i++) {
        if (i > 0) {
          b.append(',');
        }
        write(b, a.items().get(i));
      }
      b.append(']');
    }
  }

  /** A string as a JSON string literal. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2);
    quote(b, s);
    return b.toString();
  }

  private static void quote(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append("\\u00").append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 15));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }
}
