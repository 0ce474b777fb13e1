package io.pluresdb.crdt.op;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.SchemaChange;

/**
 * Schema changes and catalogs as JSON: they are rare and small, so readability and evolvability
 * (unknown properties are ignored) matter more than size here.
 */
public final class SchemaJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private SchemaJson() {}

  public static String write(SchemaChange change) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("type", change.getClass().getSimpleName());
    node.set("change", MAPPER.valueToTree(change));
    return node.toString();
  }

  public static SchemaChange readChange(String json) {
    try {
      JsonNode node = MAPPER.readTree(json);
      String type = node.get("type").asText();
      Class<? extends SchemaChange> cls = null;
      for (Class<?> c : SchemaChange.class.getPermittedSubclasses()) {
        if (c.getSimpleName().equals(type)) {
          cls = c.asSubclass(SchemaChange.class);
        }
      }
      if (cls == null) {
        throw new IllegalArgumentException("unknown schema change type '" + type + "'");
      }
      return MAPPER.treeToValue(node.get("change"), cls);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("malformed schema change: " + json, e);
    }
  }

  public static String write(Catalog catalog) {
    try {
      return MAPPER.writeValueAsString(catalog);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("catalog cannot be written as JSON", e);
    }
  }

  public static Catalog readCatalog(String json) {
    try {
      return MAPPER.readValue(json, Catalog.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("malformed catalog: " + json, e);
    }
  }
}
