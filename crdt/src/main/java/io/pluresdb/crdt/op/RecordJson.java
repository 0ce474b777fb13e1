package io.pluresdb.crdt.op;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Records as JSON objects, one property per record component in declaration order, as Jackson wrote
 * the schema records: enums by name, lists as arrays, maps with string keys as objects, a null
 * component as {@code null}. Reading follows Jackson's leniency, which stored catalogs rely on: an
 * unknown property is ignored (a newer node's field), a missing one is null, 0 or false (an older
 * node's catalog), and the canonical constructor fills in what it defaults.
 */
final class RecordJson {
  private RecordJson() {}

  /** Appends {@code value} (a record, list, map, enum, string, number, boolean or null). */
  static void write(StringBuilder out, @Nullable Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      JsonText.writeString(out, s);
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Enum<?> e) {
      JsonText.writeString(out, e.name());
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        out.append(i == 0 ? "" : ",");
        write(out, list.get(i));
      }
      out.append(']');
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      String sep = "";
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.append(sep);
        sep = ",";
        JsonText.writeString(out, String.valueOf(e.getKey()));
        out.append(':');
        write(out, e.getValue());
      }
      out.append('}');
    } else if (value instanceof Record r) {
      writeRecord(out, r);
    } else {
      throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
    }
  }

  private static void writeRecord(StringBuilder out, Record r) {
    out.append('{');
    String sep = "";
    for (RecordComponent c : r.getClass().getRecordComponents()) {
      out.append(sep);
      sep = ",";
      JsonText.writeString(out, c.getName());
      out.append(':');
      write(out, invoke(c, r));
    }
    out.append('}');
  }

  private static @Nullable Object invoke(RecordComponent c, Record r) {
    try {
      return c.getAccessor().invoke(r);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + c, e);
    }
  }

  /** The value of {@code type} that {@code tree} ({@link JsonText#parse}'s result) describes. */
  static @Nullable Object read(Type type, @Nullable Object tree) {
    if (type instanceof ParameterizedType p) {
      return tree == null ? null : readGeneric(p, tree);
    }
    Class<?> c = (Class<?>) type;
    if (tree == null) {
      return c.isPrimitive() ? primitiveDefault(c) : null;
    }
    if (c == String.class) {
      return cast(String.class, tree);
    }
    if (c == long.class || c == Long.class) {
      return cast(Number.class, tree).longValue();
    }
    if (c == int.class || c == Integer.class) {
      return Math.toIntExact(cast(Number.class, tree).longValue());
    }
    if (c == boolean.class || c == Boolean.class) {
      return cast(Boolean.class, tree);
    }
    if (c.isEnum()) {
      return enumConstant(c, cast(String.class, tree));
    }
    if (c.isRecord()) {
      return readRecord(c, cast(Map.class, tree));
    }
    throw new IllegalArgumentException("no JSON form for " + c.getName());
  }

  private static Object readGeneric(ParameterizedType p, Object tree) {
    Type element = p.getActualTypeArguments()[p.getActualTypeArguments().length - 1];
    if (p.getRawType() == List.class) {
      List<@Nullable Object> out = new ArrayList<>();
      for (Object e : cast(List.class, tree)) {
        out.add(read(element, e));
      }
      return out;
    }
    if (p.getRawType() == Map.class) {
      Map<String, @Nullable Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) cast(Map.class, tree)).entrySet()) {
        out.put((String) e.getKey(), read(element, e.getValue()));
      }
      return out;
    }
    throw new IllegalArgumentException("no JSON form for " + p);
  }

  private static Object readRecord(Class<?> c, Map<?, ?> properties) {
    RecordComponent[] components = c.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    @Nullable Object[] args = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      args[i] = read(components[i].getGenericType(), properties.get(components[i].getName()));
    }
    try {
      Constructor<?> canonical = c.getDeclaredConstructor(types);
      return canonical.newInstance(args);
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException(
          c.getSimpleName() + " cannot be made of " + properties, e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot make a " + c.getName(), e);
    }
  }

  private static <T> T cast(Class<T> type, Object tree) {
    if (!type.isInstance(tree)) {
      throw new IllegalArgumentException(
          "expected " + type.getSimpleName() + ", got " + tree.getClass().getSimpleName());
    }
    return type.cast(tree);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object enumConstant(Class<?> c, String name) {
    return Enum.valueOf((Class) c, name);
  }

  private static Object primitiveDefault(Class<?> c) {
    if (c == boolean.class) {
      return false;
    }
    return c == int.class ? (Object) 0 : (Object) 0L;
  }
}
