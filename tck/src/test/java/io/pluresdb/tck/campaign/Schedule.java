package io.pluresdb.tck.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A campaign's plan, drawn from one seed: each node's clock offset (within the allowed drift), the
 * steps in order, and the expected end state of every table only one node writes.
 *
 * @param seed the seed it was drawn from (replay with {@code -Dcampaign.seed=})
 * @param nodes the hub and its clients
 * @param clockOffsetsMillis each node's clock offset
 * @param steps what happens, in order
 * @param owned the tables only one node writes, with their expected end state
 */
record Schedule(
    long seed, int nodes, List<Long> clockOffsetsMillis, List<Step> steps, List<OwnedTable> owned) {
  /** The shared tables every node writes, created by the hub before the first step. */
  static final List<String> SETUP =
      List.of(
          "CREATE TABLE item (id BIGINT PRIMARY KEY, v VARCHAR(40), n COUNTER)",
          "CREATE TABLE audit (token VARCHAR(40) PRIMARY KEY, node VARCHAR(10))",
          "CREATE TABLE forged (k INTEGER PRIMARY KEY, v VARCHAR(40))");

  /** Keys of {@code item}: few, so nodes write the same rows concurrently. */
  private static final int ITEMS = 6;

  /**
   * Draws a schedule.
   *
   * @param clients clients of the hub (the campaign has {@code clients + 1} nodes)
   * @param length steps
   * @param maxSkewMillis the largest clock offset of a node, either way
   * @param clashes whether nodes also create tables of one name with different columns
   */
  static Schedule draw(long seed, int clients, int length, long maxSkewMillis, boolean clashes) {
    Random random = new Random(seed);
    int nodes = clients + 1;
    List<Long> offsets = new ArrayList<>();
    for (int i = 0; i < nodes; i++) {
      offsets.add(maxSkewMillis == 0 ? 0 : random.nextLong() % (maxSkewMillis + 1));
    }
    Drawing d = new Drawing(random, nodes, clashes);
    for (int i = 0; i < length; i++) {
      if (i == length / 2 && !d.down[0]) {
        // every schedule has at least one forgery, midway, besides any drawn at random
        d.steps.add(new Step.Forge(1 + random.nextInt(clients)));
      }
      d.next(i);
    }
    return new Schedule(seed, nodes, List.copyOf(offsets), List.copyOf(d.steps), d.owned);
  }

  /** The schedule as text: one line per step, headed by the seed and the clock offsets. */
  String describe() {
    StringBuilder b = new StringBuilder("seed ").append(seed).append(", clock offsets (ms) ");
    b.append(clockOffsetsMillis).append('\n');
    for (int i = 0; i < steps.size(); i++) {
      b.append(String.format(java.util.Locale.ROOT, "%3d ", i)).append(steps.get(i)).append('\n');
    }
    return b.toString();
  }

  /** The generator's view while drawing: which nodes are up, which links are cut. */
  private static final class Drawing {
    final Random random;
    final int nodes;
    final boolean clashes;
    final boolean[] down;
    final boolean[] cut;
    final List<Step> steps = new ArrayList<>();
    final List<OwnedTable> owned = new ArrayList<>();
    final List<List<OwnedTable>> byNode = new ArrayList<>();
    int columns;

    Drawing(Random random, int nodes, boolean clashes) {
      this.random = random;
      this.nodes = nodes;
      this.clashes = clashes;
      this.down = new boolean[nodes];
      this.cut = new boolean[nodes];
      for (int i = 0; i < nodes; i++) {
        byNode.add(new ArrayList<>());
      }
    }

    void next(int index) {
      int roll = random.nextInt(100);
      int node = random.nextInt(nodes);
      if (roll < 8 && node > 0) {
        cut[node] = !cut[node];
        steps.add(cut[node] ? new Step.Cut(node) : new Step.Heal(node));
      } else if (roll < 10 && node > 0 && !down[0]) {
        steps.add(new Step.Forge(node));
      } else if (roll < 13) {
        down[node] = !down[node];
        steps.add(down[node] ? new Step.Kill(node) : new Step.Restart(node));
      } else if (down[node]) {
        down[node] = false; // a write drawn for a dead node brings it back first
        steps.add(new Step.Restart(node));
      } else {
        write(node, "n" + node + "-" + index);
      }
    }

    private void write(int node, String token) {
      List<OwnedTable> mine = byNode.get(node);
      int roll = random.nextInt(100);
      if (clashes && roll >= 90) {
        clash(node, token, random.nextInt(2) + 1, random.nextBoolean());
      } else if (roll < 8 && mine.size() < 3 || roll < 25 && mine.isEmpty()) {
        OwnedTable t = new OwnedTable("own_n" + node + "_" + (mine.size() + 1));
        mine.add(t);
        owned.add(t);
        steps.add(new Step.Write(node, "", List.of(t.create()), Step.Expect.COMMITS));
      } else if (roll < 15) {
        OwnedTable t = mine.get(random.nextInt(mine.size()));
        String column = "x_n" + node + "_" + ++columns;
        steps.add(new Step.Write(node, "", List.of(t.addColumn(column)), Step.Expect.COMMITS));
      } else if (roll < 55 && !mine.isEmpty()) {
        OwnedTable t = mine.get(random.nextInt(mine.size()));
        int kind = t.isEmpty() ? 0 : random.nextInt(10);
        String sql =
            kind < 4
                ? t.insert(token)
                : kind < 7
                    ? t.update(random, token)
                    : kind < 9 ? t.increment(random) : t.delete(random);
        steps.add(audited(node, token, sql, Step.Expect.COMMITS));
      } else {
        int id = 1 + random.nextInt(ITEMS);
        int kind = random.nextInt(10);
        String sql =
            kind < 3
                ? "INSERT INTO item (id, v, n) VALUES (" + id + ", '" + token + "', 0)"
                : kind < 6
                    ? "UPDATE item SET v = '" + token + "' WHERE id = " + id
                    : kind < 9
                        ? "UPDATE item SET n = n + 1 WHERE id = " + id
                        : "DELETE FROM item WHERE id = " + id;
        steps.add(audited(node, token, sql, Step.Expect.MAY_CONFLICT));
      }
    }

    /** Creates (or writes to) table {@code clash_k}, whose columns differ by creating node. */
    private void clash(int node, String token, int k, boolean create) {
      String table = "clash_" + k;
      String column = "c_n" + node;
      if (create) {
        String ddl =
            "CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, " + column + " VARCHAR(40))";
        steps.add(new Step.Write(node, "", List.of(ddl), Step.Expect.MAY_CLASH));
      } else {
        int id = 1 + random.nextInt(ITEMS);
        String sql =
            "INSERT INTO " + table + " (id, " + column + ") VALUES (" + id + ", '" + token + "')";
        steps.add(audited(node, token, sql, Step.Expect.MAY_CLASH));
      }
    }

    private static Step audited(int node, String token, String sql, Step.Expect expect) {
      String audit = "INSERT INTO audit (token, node) VALUES ('" + token + "', 'n" + node + "')";
      return new Step.Write(node, token, List.of(sql, audit), expect);
    }
  }
}
