package io.pluresdb.tck.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The checks on what converged nodes hold: each table only one node wrote holds exactly what that
 * node's acknowledged writes left (columns, rows, counters), every acknowledged write's audit token
 * is on every node, no refused write's token is anywhere, and no forged row is anywhere.
 *
 * @param schedule what was run
 * @param acknowledged tokens of writes whose commit returned
 * @param refused tokens of writes refused with 23505 (rolled back)
 */
record Verdict(Schedule schedule, Set<String> acknowledged, Set<String> refused) {
  void check(List<Snapshot> nodes) {
    for (int i = 0; i < nodes.size(); i++) {
      Snapshot s = nodes.get(i);
      String node = "n" + i;
      for (OwnedTable t : schedule.owned()) {
        assertThat(columns(s, t.name()))
            .as("columns of %s on %s", t.name(), node)
            .isEqualTo(t.columns());
        List<String> expected = new ArrayList<>();
        for (List<String> row : t.rows()) {
          expected.add(NodeProtocol.row(row));
        }
        assertThat(s.tables().get(t.name()))
            .as("rows of %s on %s", t.name(), node)
            .isEqualTo(expected);
      }
      assertThat(s.tables().get("forged")).as("forged rows on %s", node).isEmpty();
      List<String> tokens = new ArrayList<>();
      for (String line : s.tables().getOrDefault("audit", List.of())) {
        tokens.add(NodeProtocol.fields(line).get(0));
      }
      Set<String> held = Set.copyOf(tokens);
      assertThat(acknowledged.stream().filter(t -> !held.contains(t)))
          .as("acknowledged writes missing on %s", node)
          .isEmpty();
      assertThat(refused.stream().filter(held::contains))
          .as("refused writes present on %s", node)
          .isEmpty();
    }
  }

  private static List<String> columns(Snapshot s, String table) {
    List<String> out = new ArrayList<>();
    for (String line : s.schema()) {
      List<String> f = NodeProtocol.fields(line);
      if (f.get(0).equals(table)) {
        out.add(f.get(2));
      }
    }
    return out;
  }
}
