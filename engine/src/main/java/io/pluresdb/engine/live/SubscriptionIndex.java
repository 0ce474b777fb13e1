package io.pluresdb.engine.live;

import io.pluresdb.crdt.feed.EntityChange;
import io.pluresdb.sql.live.Filter;
import io.pluresdb.sql.live.LiveQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the subscriptions a change can affect without looking at the others: per table, the
 * subscriptions whose result holds the entity (by key), those whose equality filter the new row
 * satisfies (by value), those with a range filter (checked one by one), and those that cannot be
 * narrowed (joins, aggregates, no usable filter). Subscriptions over a view are candidates for
 * every change.
 *
 * <p>Not thread-safe: owned by the reactor thread.
 */
final class SubscriptionIndex {
  /** The subscriptions that read one table. */
  private static final class TableEntry {
    final Set<LiveSubscription> unfiltered = new HashSet<>();
    final Map<Integer, Map<RowKey, Set<LiveSubscription>>> equal = new HashMap<>();
    final List<LiveSubscription> ranges = new ArrayList<>();
    final Map<RowKey, Set<LiveSubscription>> members = new HashMap<>();

    boolean isEmpty() {
      return unfiltered.isEmpty() && equal.isEmpty() && ranges.isEmpty() && members.isEmpty();
    }
  }

  private final Map<String, TableEntry> tables = new HashMap<>();
  private final Set<LiveSubscription> anyTable = new HashSet<>();
  private int size;

  int size() {
    return size;
  }

  void add(LiveSubscription s) {
    size++;
    LiveQuery q = s.query;
    if (q.anyTable()) {
      anyTable.add(s);
    }
    for (String t : q.tables()) {
      TableEntry e = tables.computeIfAbsent(t, k -> new TableEntry());
      if (!t.equals(q.table()) || !s.filtered()) {
        e.unfiltered.add(s);
      } else if (q.filter().op() == Filter.Op.EQ) {
        e.equal
            .computeIfAbsent(q.filter().column(), k -> new HashMap<>())
            .computeIfAbsent(RowKey.of(s.bound), k -> new HashSet<>())
            .add(s);
      } else {
        e.ranges.add(s);
      }
    }
  }

  void remove(LiveSubscription s) {
    size--;
    anyTable.remove(s);
    LiveQuery q = s.query;
    for (String t : q.tables()) {
      TableEntry e = tables.get(t);
      if (e == null) {
        continue;
      }
      e.unfiltered.remove(s);
      e.ranges.remove(s);
      if (s.filtered() && t.equals(q.table()) && q.filter().op() == Filter.Op.EQ) {
        Map<RowKey, Set<LiveSubscription>> byValue = e.equal.get(q.filter().column());
        if (byValue != null) {
          removeFrom(byValue, RowKey.of(s.bound), s);
          if (byValue.isEmpty()) {
            e.equal.remove(q.filter().column());
          }
        }
      }
      if (t.equals(q.table())) {
        for (RowKey k : s.byKey.keySet()) {
          removeFrom(e.members, k, s);
        }
      }
      if (e.isEmpty()) {
        tables.remove(t);
      }
    }
  }

  private static void removeFrom(
      Map<RowKey, Set<LiveSubscription>> map, RowKey key, LiveSubscription s) {
    Set<LiveSubscription> set = map.get(key);
    if (set != null && set.remove(s) && set.isEmpty()) {
      map.remove(key);
    }
  }

  /** Records that a keyed subscription's result now holds (or no longer holds) an entity. */
  void member(LiveSubscription s, RowKey key, boolean in) {
    TableEntry e = tables.get(s.query.table());
    if (e == null) {
      return;
    }
    if (in) {
      e.members.computeIfAbsent(key, k -> new HashSet<>()).add(s);
    } else {
      removeFrom(e.members, key, s);
    }
  }

  /** Adds every subscription of a table (a schema change touched it). */
  void allOf(String table, Set<LiveSubscription> out) {
    out.addAll(anyTable);
    TableEntry e = tables.get(table);
    if (e == null) {
      return;
    }
    out.addAll(e.unfiltered);
    out.addAll(e.ranges);
    e.equal.values().forEach(m -> m.values().forEach(out::addAll));
    e.members.values().forEach(out::addAll);
  }

  /** Adds the subscriptions that change can affect. */
  void candidates(EntityChange change, Set<LiveSubscription> out) {
    out.addAll(anyTable);
    TableEntry e = tables.get(change.table());
    if (e == null) {
      return;
    }
    out.addAll(e.unfiltered);
    Set<LiveSubscription> holding = e.members.get(RowKey.of(change.key()));
    if (holding != null) {
      out.addAll(holding);
    }
    Object[] row = change.row();
    if (row == null) {
      return; // a deleted entity can only affect the results that held it
    }
    for (Map.Entry<Integer, Map<RowKey, Set<LiveSubscription>>> byColumn : e.equal.entrySet()) {
      Set<LiveSubscription> matching = byColumn.getValue().get(RowKey.of(row[byColumn.getKey()]));
      if (matching != null) {
        out.addAll(matching);
      }
    }
    for (LiveSubscription s : e.ranges) {
      if (s.query.filter().admits(row, s.bound)) {
        out.add(s);
      }
    }
  }
}
