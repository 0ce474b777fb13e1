package io.pluresdb.crdt.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.json.JsonDoc;
import io.pluresdb.crdt.op.OpKind;
import io.pluresdb.crdt.op.Operation;
import io.pluresdb.crdt.op.TxCodec;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.value.Values;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The rows of one table as they were at a past time, rebuilt from the log: every operation on the
 * table whose time is at or before it is merged by the same rules as the live table ({@link
 * EntityState}), whatever order the records come in, and the entities that exist then are the rows.
 * An operation's time is its id's wall-clock part, so a write that reached this node later but was
 * made before the time counts, and one made after it does not.
 *
 * <p>Rows come out as a JSON array of arrays, one value per requested column in SQLite's stored
 * form (integers, reals and text as JSON values, binary values as an object {@code {"x": hex}}): a
 * column the table did not have then is NULL; the query reads the array back with {@code
 * json_each}.
 *
 * <p>Not thread-safe: one per query.
 */
public final class PastRows {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String table;
  private final long atMillis;
  private final List<String> columns;
  private final List<ColumnType> types;
  private final Set<String> counters = new HashSet<>();
  private final Set<String> jsons = new HashSet<>();
  private final Map<String, EntityState> entities = new LinkedHashMap<>();

  /** Per entity, its JSON fields' documents: their edits merge in any order too. */
  private final Map<String, Map<String, JsonDoc>> docs = new HashMap<>();

  /** The rows of {@code table} at {@code atMillis}, with these columns of these types. */
  public PastRows(String table, long atMillis, List<String> columns, List<ColumnType> types) {
    this.table = table;
    this.atMillis = atMillis;
    this.columns = List.copyOf(columns);
    this.types = List.copyOf(types);
    for (int i = 0; i < columns.size(); i++) {
      if (types.get(i) == ColumnType.COUNTER) {
        counters.add(lower(columns.get(i)));
      } else if (types.get(i) == ColumnType.MERGEABLE_JSON) {
        jsons.add(lower(columns.get(i)));
      }
    }
  }

  /**
   * Merges the operations on the table of one log record made at or before the time, or a state
   * folded from records no longer in the log ({@link FoldedStates}), which the time is never
   * before.
   */
  public void add(byte[] record) {
    if (FoldedStates.isState(record)) {
      FoldedStates.State f = FoldedStates.decode(record);
      entities.computeIfAbsent(f.entity(), k -> new EntityState()).absorb(f.state(), counters);
      return;
    }
    for (Operation op : TxCodec.decode(record).ops()) {
      if (op.kind() != OpKind.SCHEMA
          && op.table().equalsIgnoreCase(table)
          && op.id().millis() <= atMillis) {
        String entity = LogHistory.entity(op.key());
        Operation lowered = lowered(op);
        entities.computeIfAbsent(entity, k -> new EntityState()).apply(lowered, counters, jsons);
        for (int i = 0; i < lowered.columns().length; i++) {
          if (jsons.contains(lowered.columns()[i])) {
            edit(entity, lowered.columns()[i], op.id(), lowered.values()[i]);
          }
        }
      }
    }
  }

  private void edit(String entity, String col, OpId at, @Nullable Object value) {
    JsonDoc doc =
        docs.computeIfAbsent(entity, k -> new HashMap<>()).computeIfAbsent(col, k -> new JsonDoc());
    try {
      if (value == null) {
        doc.replace(at, null);
      } else {
        doc.apply(at, value);
      }
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      // not a JSON edit (a value of another declaration): the document stays as it was
    }
  }

  /** The rows that existed at the time, as JSON (see the class comment). */
  public String json() {
    ArrayNode rows = JSON.createArrayNode();
    for (Map.Entry<String, EntityState> e : entities.entrySet()) {
      EntityState s = e.getValue();
      if (!s.live()) {
        continue;
      }
      ArrayNode row = rows.addArray();
      Map<String, JsonDoc> fieldDocs = docs.getOrDefault(e.getKey(), Map.of());
      for (int i = 0; i < columns.size(); i++) {
        String col = lower(columns.get(i));
        EntityState.Field f = s.fields.get(col);
        JsonDoc doc = fieldDocs.get(col);
        if (f != null && doc != null) {
          value(row, doc.text());
        } else {
          value(row, f == null ? null : stored(f.value(), types.get(i)));
        }
      }
    }
    return rows.toString();
  }

  private static void value(ArrayNode row, Object v) {
    if (v == null) {
      row.addNull();
    } else if (v instanceof Long l) {
      row.add(l);
    } else if (v instanceof Double d) {
      row.add(d);
    } else if (v instanceof byte[] b) {
      row.addObject().put("x", java.util.HexFormat.of().formatHex(b));
    } else {
      row.add(v.toString());
    }
  }

  /** The stored form of a value written under this column's type (or as it came, if it differs). */
  private static Object stored(Object canonical, ColumnType type) {
    if (canonical == null) {
      return null;
    }
    try {
      return Values.toStored(canonical, type);
    } catch (RuntimeException e) {
      // written under another declaration of a column with a schema clash: shown as it was written
      return canonical instanceof Boolean b ? (Long) (b ? 1L : 0L) : canonical;
    }
  }

  /** Names match ignoring case, as SQLite's do. */
  static Operation lowered(Operation op) {
    String[] cols = op.columns().clone();
    for (int i = 0; i < cols.length; i++) {
      cols[i] = lower(cols[i]);
    }
    return new Operation(
        op.id(), op.kind(), op.table(), op.key(), cols, op.values(), op.precursors(), op.schema());
  }

  static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
