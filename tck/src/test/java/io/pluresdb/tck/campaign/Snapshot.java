package io.pluresdb.tck.campaign;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one node holds at one moment, as it prints it: its user tables' columns, every row of each
 * table in key order, and its {@code sys_peers} lines.
 *
 * @param schema one line per column: table, position, name, type
 * @param tables each table's rows, by table name
 * @param peers one line per peer: role, state, behind, address
 */
record Snapshot(List<String> schema, Map<String, List<String>> tables, List<List<String>> peers) {
  static Snapshot of(NodeProcess node) throws IOException, InterruptedException {
    NodeProcess.Answer schema = checked(node, node.send(NodeProtocol.SCHEMA));
    Map<String, List<String>> tables = new LinkedHashMap<>();
    for (String line : schema.rows()) {
      String table = NodeProtocol.fields(line).get(0);
      if (!tables.containsKey(table)) {
        tables.put(
            table, checked(node, node.send("Q SELECT * FROM " + table + " ORDER BY 1")).rows());
      }
    }
    List<List<String>> peers = new ArrayList<>();
    NodeProcess.Answer p =
        checked(node, node.send("Q SELECT role, state, behind, address FROM sys_peers"));
    for (String line : p.rows()) {
      peers.add(NodeProtocol.fields(line));
    }
    return new Snapshot(schema.rows(), tables, peers);
  }

  private static NodeProcess.Answer checked(NodeProcess node, NodeProcess.Answer a) {
    if (!a.ok()) {
      throw new IllegalStateException("node " + node.name() + " answered " + a.status());
    }
    return a;
  }

  /** Same schema and rows as {@code other}. */
  boolean sameData(Snapshot other) {
    return schema.equals(other.schema) && tables.equals(other.tables);
  }

  /** Live peers that are not behind. */
  long liveAndCaughtUp() {
    return peers.stream().filter(p -> p.get(1).equals("LIVE") && p.get(2).equals("0")).count();
  }

  /** Live peers that still owe transactions. */
  long liveButBehind() {
    return peers.stream().filter(p -> p.get(1).equals("LIVE") && !p.get(2).equals("0")).count();
  }

  /** The first difference from {@code other}, for a failure message, or null when the same. */
  String differenceFrom(Snapshot other) {
    if (!schema.equals(other.schema)) {
      return "schema " + schema + " vs " + other.schema;
    }
    for (String t : tables.keySet()) {
      List<String> mine = tables.get(t);
      List<String> theirs = other.tables.get(t);
      if (!Objects.equals(mine, theirs)) {
        List<String> onlyMine = new ArrayList<>(mine);
        if (theirs != null) {
          onlyMine.removeAll(theirs);
        }
        List<String> onlyTheirs = theirs == null ? List.of() : new ArrayList<>(theirs);
        onlyTheirs.removeAll(mine);
        return "table " + t + ": only here " + onlyMine + ", only there " + onlyTheirs;
      }
    }
    return null;
  }
}
