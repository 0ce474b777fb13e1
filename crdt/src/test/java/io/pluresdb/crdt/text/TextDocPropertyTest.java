package io.pluresdb.crdt.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/**
 * Text edits merge as a CRDT: copies that saw the same edits hold the same text whatever order (and
 * duplication) the edits came in, and runs typed concurrently at one place never interleave.
 */
class TextDocPropertyTest {

  private record Sent(long author, byte[] edit) {}

  /** Three nodes edit at random, now and then hearing part of what the others sent. */
  private static List<Sent> randomHistory(Random r, List<TextDoc> nodes, int steps) {
    List<Sent> sent = new ArrayList<>();
    for (int step = 0; step < steps; step++) {
      int n = r.nextInt(nodes.size());
      TextDoc d = nodes.get(n);
      if (r.nextInt(4) == 0 && !sent.isEmpty()) {
        Sent s = sent.get(r.nextInt(sent.size()));
        d.apply(s.author(), s.edit());
        continue;
      }
      int len = d.length();
      int pos = r.nextInt(len + 1);
      int del = len == pos || r.nextInt(3) > 0 ? 0 : r.nextInt(Math.min(4, len - pos) + 1);
      StringBuilder ins = new StringBuilder();
      for (int k = r.nextInt(4); k > 0; k--) {
        ins.append((char) ('a' + r.nextInt(26)));
      }
      if (del > 0 || ins.length() > 0) {
        sent.add(new Sent(n + 1L, d.splice(n + 1L, pos, del, ins.toString())));
      }
    }
    return sent;
  }

  @Property(tries = 200)
  void anyDeliveryOrderConverges(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int steps) {
    Random r = new Random(seed);
    List<TextDoc> nodes = List.of(new TextDoc(), new TextDoc(), new TextDoc());
    List<Sent> sent = randomHistory(r, nodes, steps);

    String expected = null;
    for (int copy = 0; copy < 4; copy++) {
      List<Sent> order = new ArrayList<>(sent);
      Collections.shuffle(order, r);
      if (copy % 2 == 1 && !order.isEmpty()) {
        order.add(order.get(r.nextInt(order.size())));
      }
      TextDoc d = new TextDoc();
      order.forEach(s -> d.apply(s.author(), s.edit()));
      assertThat(d.waiting()).isZero();
      if (expected == null) {
        expected = d.text();
      }
      assertThat(d.text()).isEqualTo(expected);
    }
    for (int n = 0; n < nodes.size(); n++) {
      TextDoc node = nodes.get(n);
      sent.forEach(s -> node.apply(s.author(), s.edit()));
      assertThat(node.text()).isEqualTo(expected);
    }
  }

  @Property(tries = 300)
  void concurrentInsertsAtOnePositionDoNotInterleave(
      @ForAll @AlphaChars @StringLength(max = 12) String base,
      @ForAll @AlphaChars @StringLength(min = 1, max = 8) String x,
      @ForAll @AlphaChars @StringLength(min = 1, max = 8) String y,
      @ForAll @IntRange(max = 12) int at,
      @ForAll boolean xBackwards,
      @ForAll boolean yBackwards) {
    int pos = Math.min(at, base.length());
    TextDoc a = new TextDoc();
    TextDoc b = new TextDoc();
    if (!base.isEmpty()) {
      b.apply(1, a.splice(1, 0, 0, base));
    }
    List<byte[]> fromA = typeAt(a, 1, pos, x, xBackwards);
    List<byte[]> fromB = typeAt(b, 2, pos, y, yBackwards);
    fromB.forEach(e -> a.apply(2, e));
    fromA.forEach(e -> b.apply(1, e));

    String head = base.substring(0, pos);
    String tail = base.substring(pos);
    assertThat(a.text()).isEqualTo(b.text()).isIn(head + x + y + tail, head + y + x + tail);
  }

  /** Types {@code s} at {@code pos} one character at a time, forwards or backwards. */
  private static List<byte[]> typeAt(TextDoc d, long node, int pos, String s, boolean backwards) {
    List<byte[]> edits = new ArrayList<>();
    for (int i = 0; i < s.length(); i++) {
      if (backwards) {
        int k = s.length() - 1 - i;
        edits.add(d.splice(node, pos, 0, s.substring(k, k + 1)));
      } else {
        edits.add(d.splice(node, pos + i, 0, s.substring(i, i + 1)));
      }
    }
    return edits;
  }
}
