package io.pluresdb.crdt.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pluresdb.crdt.op.Coverage;
import io.pluresdb.crdt.op.ReceivedTx;
import io.pluresdb.crdt.op.RowState;
import io.pluresdb.crdt.op.RowStateBatch;
import io.pluresdb.crdt.op.RowStateCodec;
import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.schema.SchemaChange;
import io.pluresdb.crdt.schema.TableDef;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * JSON MERGEABLE fields through the store: three nodes change documents concurrently (members,
 * nested members, array elements, whole values, NULL, deletes and re-inserts) and sync now and
 * then; every node that holds every transaction holds the same documents, and so does a fresh node
 * that merges row states taken on the way interleaved with the transactions in any order, and a log
 * rebuild.
 */
class JsonColumnsPropertyTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String DUMP = "SELECT k, meta FROM doc";

  private static void createTable(Store s) throws SQLException {
    try (WriteTxn tx = s.beginWrite(Fixtures.WAIT)) {
      tx.schema(
          new SchemaChange.CreateTable(
              new TableDef(
                  "doc",
                  List.of(
                      new ColumnDef("k", ColumnType.BIGINT, 0, 0, false, null, false),
                      ColumnDef.of("meta", ColumnType.MERGEABLE_JSON)),
                  List.of("k"),
                  List.of(),
                  List.of(),
                  List.of())));
      tx.commit();
    }
  }

  @Property(tries = 25)
  void documentsConvergeThroughOperationsRowStatesAndRebuild(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int steps) throws Exception {
    Random r = new Random(seed);
    try (Nodes nodes = new Nodes()) {
      for (int i = 0; i < 3; i++) {
        nodes.add(1_700_000_000_000L + i * 3);
      }
      createTable(nodes.stores.get(0));
      Nodes.sync(nodes.stores.get(0), nodes.stores.get(1));
      Nodes.sync(nodes.stores.get(0), nodes.stores.get(2));
      List<Object> items = new ArrayList<>();
      for (int step = 0; step < steps; step++) {
        int n = r.nextInt(3);
        Store s = nodes.stores.get(n);
        nodes.clocks.get(n).set(nodes.clocks.get(n).millis() + r.nextInt(3));
        switch (r.nextInt(8)) {
          case 0 -> Nodes.sync(nodes.stores.get((n + 1 + r.nextInt(2)) % 3), s);
          case 1 -> items.add(snapshot(s, r));
          default -> write(s, r);
        }
      }
      items.add(snapshot(nodes.stores.get(r.nextInt(3)), r));
      List<ReceivedTx> all = nodes.union();
      for (Store s : nodes.stores) {
        s.applyRemote(all).orThrow();
      }
      List<String> expected = Fixtures.dump(nodes.stores.get(0), DUMP);
      for (Store s : nodes.stores) {
        assertThat(Fixtures.dump(s, DUMP)).isEqualTo(expected);
      }

      Store fresh = nodes.add(1_700_000_000_000L);
      fresh.applyRemote(Nodes.received(nodes.stores.get(0)).subList(0, 1)).orThrow();
      items.addAll(all);
      Collections.shuffle(items, r);
      for (Object item : items) {
        if (item instanceof ReceivedTx tx) {
          fresh.applyRemote(List.of(tx)).orThrow();
        } else {
          fresh.rowStates().merge((RowStateBatch) item);
        }
      }
      fresh.applyRemote(all).orThrow();
      assertThat(Fixtures.dump(fresh, DUMP)).isEqualTo(expected);

      Store first = nodes.stores.get(1);
      first.rebuild();
      assertThat(Fixtures.dump(first, DUMP)).isEqualTo(expected);
    }
  }

  /** A whole snapshot of {@code s} as one batch, through its wire form. */
  private static RowStateBatch snapshot(Store s, Random r) throws SQLException {
    List<RowState> rows = new ArrayList<>();
    Coverage coverage = s.rowStates().snapshot(rows::add);
    return RowStateCodec.decode(
        RowStateCodec.encode(new RowStateBatch(rows, r.nextBoolean() ? coverage : null)));
  }

  /** A random write of one of two documents: an insert, a change of its JSON, or a delete. */
  private static void write(Store s, Random r) throws Exception {
    long k = r.nextInt(2);
    try (WriteTxn tx = s.beginWrite(Fixtures.WAIT)) {
      List<String> row = Fixtures.dump(s, "SELECT meta FROM doc WHERE k = " + k);
      if (row.isEmpty()) {
        tx.insert("doc", new Object[] {k, mutate(r, null)}, OnConflict.IGNORE);
      } else if (r.nextInt(10) == 0) {
        tx.delete("doc", new Object[] {k});
      } else {
        String text = row.get(0).substring(1, row.get(0).length() - 1);
        tx.update(
            "doc",
            new Object[] {k},
            new int[] {1},
            new Object[] {mutate(r, "null".equals(text) ? null : text)});
      }
      tx.commit();
    }
  }

  private static String mutate(Random r, String text) throws Exception {
    JsonNode root = text == null ? null : MAPPER.readTree(text);
    ObjectNode o = root instanceof ObjectNode obj ? obj : MAPPER.createObjectNode();
    String key = "k" + r.nextInt(3);
    switch (r.nextInt(8)) {
      case 0 -> o.put(key, r.nextInt(10));
      case 1 -> o.remove(key);
      case 2 -> tags(o).add("t" + r.nextInt(100));
      case 3 -> {
        ArrayNode t = tags(o);
        if (!t.isEmpty()) {
          t.remove(r.nextInt(t.size()));
        }
      }
      case 4 -> sub(o).put(key, "v" + r.nextInt(10));
      case 5 -> o.put("sub", r.nextInt(3));
      case 6 -> {
        return r.nextBoolean() ? null : "[1,{\"x\":" + r.nextInt(3) + "}]";
      }
      default -> o.remove("tags");
    }
    return o.toString();
  }

  private static ArrayNode tags(ObjectNode o) {
    return o.get("tags") instanceof ArrayNode a ? a : o.putArray("tags");
  }

  private static ObjectNode sub(ObjectNode o) {
    return o.get("sub") instanceof ObjectNode s ? s : o.putObject("sub");
  }
}
