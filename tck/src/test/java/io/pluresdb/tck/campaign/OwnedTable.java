package io.pluresdb.tck.campaign;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The expected content of a table only one node writes: its columns and rows after every write the
 * schedule makes to it. Those writes must all commit, so this is what every node must hold at the
 * end, to the last column and counter.
 *
 * <p>Not thread-safe: built by the schedule generator on one thread.
 */
final class OwnedTable {
  private final String name;
  private final List<String> columns = new ArrayList<>(List.of("id", "v", "n"));
  private final TreeMap<Long, Map<String, String>> rows = new TreeMap<>();
  private long nextId = 1;

  OwnedTable(String name) {
    this.name = name;
  }

  String name() {
    return name;
  }

  String create() {
    return "CREATE TABLE " + name + " (id BIGINT PRIMARY KEY, v VARCHAR(40), n COUNTER)";
  }

  String addColumn(String column) {
    columns.add(column);
    for (Map<String, String> row : rows.values()) {
      row.put(column, "NULL");
    }
    return "ALTER TABLE " + name + " ADD COLUMN " + column + " INTEGER";
  }

  String insert(String token) {
    long id = nextId++;
    Map<String, String> row = new LinkedHashMap<>();
    for (String c : columns) {
      row.put(c, "NULL");
    }
    row.put("id", Long.toString(id));
    row.put("v", token);
    row.put("n", "0");
    rows.put(id, row);
    return "INSERT INTO " + name + " (id, v, n) VALUES (" + id + ", '" + token + "', 0)";
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  /** Sets {@code v} (and the newest added column, if any) of a row the random picks. */
  String update(Random random, String token) {
    long id = pick(random);
    Map<String, String> row = rows.get(id);
    row.put("v", token);
    String last = columns.get(columns.size() - 1);
    String set = "v = '" + token + "'";
    if (!last.equals("n")) {
      int x = random.nextInt(1000);
      row.put(last, Integer.toString(x));
      set += ", " + last + " = " + x;
    }
    return "UPDATE " + name + " SET " + set + " WHERE id = " + id;
  }

  String increment(Random random) {
    long id = pick(random);
    Map<String, String> row = rows.get(id);
    row.put("n", Long.toString(Long.parseLong(row.get("n")) + 1));
    return "UPDATE " + name + " SET n = n + 1 WHERE id = " + id;
  }

  String delete(Random random) {
    long id = pick(random);
    rows.remove(id);
    return "DELETE FROM " + name + " WHERE id = " + id;
  }

  private long pick(Random random) {
    List<Long> ids = new ArrayList<>(rows.keySet());
    return ids.get(random.nextInt(ids.size()));
  }

  /** The column names in table order. */
  List<String> columns() {
    return List.copyOf(columns);
  }

  /** The rows in key order, each as its fields in column order, as a node prints them. */
  List<List<String>> rows() {
    List<List<String>> out = new ArrayList<>();
    for (Map<String, String> row : rows.values()) {
      List<String> fields = new ArrayList<>();
      for (String c : columns) {
        fields.add(row.get(c));
      }
      out.add(fields);
    }
    return out;
  }
}
