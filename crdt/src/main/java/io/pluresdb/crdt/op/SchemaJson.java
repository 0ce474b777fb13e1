package io.pluresdb.crdt.op;

import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.SchemaChange;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Schema changes and catalogs as JSON: they are rare and small, so readability and evolvability
 * (unknown properties are ignored, missing ones take their defaults) matter more than size here. A
 * change is {@code {"type":"CreateTable","change":{…}}}; records map to objects by {@link
 * RecordJson}, the format Jackson wrote for these records, so stored catalogs and logged changes of
 * every earlier version read alike.
 */
public final class SchemaJson {
  private SchemaJson() {}

  public static String write(SchemaChange change) {
    StringBuilder out = new StringBuilder(256).append("{\"type\":");
    JsonText.writeString(out, change.getClass().getSimpleName());
    out.append(",\"change\":");
    RecordJson.write(out, change);
    return out.append('}').toString();
  }

  public static SchemaChange readChange(String json) {
    try {
      Map<?, ?> node = object(JsonText.parse(json));
      Object type = node.get("type");
      Class<? extends SchemaChange> cls = null;
      for (Class<?> c : SchemaChange.class.getPermittedSubclasses()) {
        if (c.getSimpleName().equals(type)) {
          cls = c.asSubclass(SchemaChange.class);
        }
      }
      if (cls == null) {
        throw new IllegalArgumentException("unknown schema change type '" + type + "'");
      }
      return cls.cast(RecordJson.read(cls, object(node.get("change"))));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("malformed schema change: " + json, e);
    }
  }

  public static String write(Catalog catalog) {
    StringBuilder out = new StringBuilder(1024);
    RecordJson.write(out, catalog);
    return out.toString();
  }

  public static Catalog readCatalog(String json) {
    try {
      return Catalog.class.cast(RecordJson.read(Catalog.class, object(JsonText.parse(json))));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("malformed catalog: " + json, e);
    }
  }

  private static Map<?, ?> object(@Nullable Object tree) {
    if (tree instanceof Map<?, ?> m) {
      return m;
    }
    throw new IllegalArgumentException("a JSON object expected");
  }
}
