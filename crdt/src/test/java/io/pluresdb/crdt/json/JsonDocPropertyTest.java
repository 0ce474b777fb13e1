package io.pluresdb.crdt.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pluresdb.crdt.clock.OpId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * JSON edits merge as a CRDT: copies that saw the same edits hold the same document whatever order
 * (and duplication) the edits came in, and whatever row states (whole states taken on the way) they
 * merged among them.
 */
class JsonDocPropertyTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private record Sent(OpId at, byte[] edit) {}

  /** Three nodes edit at random, now and then hearing part of what the others sent. */
  private static List<Sent> history(Random r, List<JsonDoc> nodes, int steps, List<byte[]> states)
      throws Exception {
    List<Sent> sent = new ArrayList<>();
    long tick = 0;
    for (int step = 0; step < steps; step++) {
      int n = r.nextInt(nodes.size());
      JsonDoc d = nodes.get(n);
      if (r.nextInt(4) == 0 && !sent.isEmpty()) {
        Sent s = sent.get(r.nextInt(sent.size()));
        d.apply(s.at(), s.edit());
        continue;
      }
      if (r.nextInt(6) == 0) {
        states.add(d.state());
      }
      OpId at = OpId.of(1_000, tick++, n + 1L);
      byte[] e = d.write(at, mutate(r, d.text()));
      if (e != null) {
        sent.add(new Sent(at, e));
      }
    }
    return sent;
  }

  /** A random change of a document: members set or removed, array elements added or removed. */
  private static String mutate(Random r, String text) throws Exception {
    JsonNode root = text == null ? null : MAPPER.readTree(text);
    ObjectNode o;
    if (root instanceof ObjectNode obj) {
      o = obj;
    } else {
      o = MAPPER.createObjectNode();
      if (r.nextBoolean()) {
        return o.toString();
      }
    }
    String key = "k" + r.nextInt(4);
    switch (r.nextInt(9)) {
      case 0 -> o.put(key, r.nextInt(10));
      case 1 -> o.remove(key);
      case 2 -> tags(o).add("t" + r.nextInt(100));
      case 3 -> {
        ArrayNode t = tags(o);
        t.insert(r.nextInt(t.size() + 1), r.nextInt(100));
      }
      case 4 -> {
        ArrayNode t = tags(o);
        if (!t.isEmpty()) {
          t.remove(r.nextInt(t.size()));
        }
      }
      case 5 -> sub(o).put(key, "v" + r.nextInt(10));
      case 6 -> sub(o).remove(key);
      case 7 -> o.put("sub", r.nextInt(3));
      default -> {
        if (r.nextInt(5) == 0) {
          return null;
        }
        o.remove("tags");
      }
    }
    return o.toString();
  }

  private static ArrayNode tags(ObjectNode o) {
    return o.get("tags") instanceof ArrayNode a ? a : o.putArray("tags");
  }

  private static ObjectNode sub(ObjectNode o) {
    return o.get("sub") instanceof ObjectNode s ? s : o.putObject("sub");
  }

  @Property(tries = 200)
  void anyDeliveryOrderAndAnyRowStatesConverge(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int steps) throws Exception {
    Random r = new Random(seed);
    List<JsonDoc> nodes = List.of(new JsonDoc(), new JsonDoc(), new JsonDoc());
    List<byte[]> states = new ArrayList<>();
    List<Sent> sent = history(r, nodes, steps, states);

    String expected = null;
    for (int copy = 0; copy < 6; copy++) {
      List<Object> order = new ArrayList<>(sent);
      if (copy >= 2) {
        // row states taken on the way, merged among the edits in any order
        for (byte[] s : states) {
          if (r.nextBoolean()) {
            order.add(s);
          }
        }
      }
      Collections.shuffle(order, r);
      if (copy % 2 == 1 && !order.isEmpty()) {
        order.add(order.get(r.nextInt(order.size())));
      }
      JsonDoc d = new JsonDoc();
      for (Object o : order) {
        if (o instanceof Sent s) {
          d.apply(s.at(), s.edit());
        } else {
          d.join(JsonDoc.of((byte[]) o));
        }
      }
      String text = d.text();
      if (copy == 0) {
        expected = text;
      } else {
        assertThat(text).isEqualTo(expected);
      }
      assertThat(JsonDoc.of(d.state()).text()).isEqualTo(text);
    }
    for (JsonDoc n : nodes) {
      for (Sent s : sent) {
        n.apply(s.at(), s.edit());
      }
      assertThat(n.text()).isEqualTo(expected);
    }
  }

  @Property(tries = 100)
  void concurrentAppendsAllSurvive(@ForAll @IntRange(min = 1, max = 5) int each) throws Exception {
    JsonDoc a = new JsonDoc();
    OpId base = OpId.of(1_000, 0, 1);
    byte[] e0 = a.write(base, "{\"tags\":[\"x\"]}");
    JsonDoc b = new JsonDoc();
    b.apply(base, e0);
    List<Sent> fromA = new ArrayList<>();
    List<Sent> fromB = new ArrayList<>();
    for (int i = 0; i < each; i++) {
      OpId at = OpId.of(1_000, 1 + i, 1);
      fromA.add(new Sent(at, a.write(at, append(a.text(), "a" + i))));
      OpId bt = OpId.of(1_000, 1 + i, 2);
      fromB.add(new Sent(bt, b.write(bt, append(b.text(), "b" + i))));
    }
    fromB.forEach(s -> a.apply(s.at(), s.edit()));
    fromA.forEach(s -> b.apply(s.at(), s.edit()));
    assertThat(a.text()).isEqualTo(b.text());
    JsonNode tags = MAPPER.readTree(a.text()).get("tags");
    assertThat(tags.size()).isEqualTo(1 + 2 * each);
    // each node's run stays together: runs typed concurrently at one place do not interleave
    String joined = tags.toString();
    assertThat(
            joined.indexOf("\"a0\"") < joined.indexOf("\"b0\"")
                ? joined.indexOf("\"a" + (each - 1) + "\"") < joined.indexOf("\"b0\"")
                : joined.indexOf("\"b" + (each - 1) + "\"") < joined.indexOf("\"a0\""))
        .isTrue();
  }

  private static String append(String text, String tag) throws Exception {
    ObjectNode o = (ObjectNode) MAPPER.readTree(text);
    tags(o).add(tag);
    return o.toString();
  }
}
