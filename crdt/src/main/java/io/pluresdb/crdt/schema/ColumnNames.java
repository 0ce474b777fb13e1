package io.pluresdb.crdt.schema;

import io.pluresdb.crdt.clock.OpId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Which column a data operation's field belongs to, in a table whose columns were renamed or
 * dropped: a pure function of the table's schema operations (built by {@link TableMerge} as it
 * folds them in id order) and of the data operation's id, so every node resolves it alike.
 *
 * <p>A column is an <em>incarnation</em>: born by the CREATE TABLE or ADD COLUMN that first
 * declared its name (while no column holds it), renamed by RENAME COLUMN, ended by DROP COLUMN or
 * DROP TABLE. A field naming {@code c} in the operation with id {@code x} belongs to the column
 * that held the name {@code c} once every schema operation older than {@code x} was folded; if none
 * did (the name was renamed away or dropped before {@code x}, by an operation its writer had not
 * seen) it belongs to the column that held {@code c} last. Its value then lands under that column's
 * final name, or stays in the log only when that column was dropped. So a rename moves the values
 * written before it and alongside it, unless the old name was taken again by a later ADD COLUMN or
 * CREATE TABLE, which starts empty.
 *
 * <p>Immutable once {@link TableMerge} returns it; thread-safe.
 */
public final class ColumnNames {
  /** What {@link #resolve} returns for a field of a dropped column: it stays in the log only. */
  public static final String DROPPED = "";

  private record Event(OpId id, int holder, int previous) {}

  private final Map<String, List<Event>> events = Names.map();

  /** Per incarnation: its current name, or null once dropped; or a merge target. */
  private final List<@Nullable String> names = new ArrayList<>();

  private final List<Integer> mergedInto = new ArrayList<>();
  private final Map<String, Integer> held = Names.map();
  private boolean altered;

  /** True when a column was renamed or dropped (otherwise every field keeps its name). */
  public boolean altered() {
    return altered;
  }

  /**
   * The final name of the column the field {@code column} of operation {@code id} belongs to;
   * {@link #DROPPED} when that column was dropped; null when no column of that name was declared.
   */
  public @Nullable String resolve(String column, OpId id) {
    List<Event> es = events.get(column);
    if (es == null || es.isEmpty()) {
      return null;
    }
    Event at = es.get(0);
    for (Event e : es) {
      if (e.id().compareTo(id) > 0) {
        break;
      }
      at = e;
    }
    int inc = at.holder() >= 0 ? at.holder() : at.previous();
    String name = names.get(root(inc));
    return name == null ? DROPPED : name;
  }

  /** The incarnation holding {@code name} now, or -1. */
  int holder(String name) {
    Integer i = held.get(name);
    return i == null ? -1 : i;
  }

  /**
   * Declares {@code name} at {@code id}; a held name keeps its column, spelled as this newer
   * declaration spells it (declarations are folded in id order).
   */
  void declare(String name, OpId id) {
    Integer heldBy = held.get(name);
    if (heldBy != null) {
      names.set(heldBy, name);
      return;
    }
    int inc = names.size();
    names.add(name);
    mergedInto.add(-1);
    held.put(name, inc);
    event(name, id, inc, -1);
  }

  /**
   * Renames the column named (or last named) {@code from} to {@code to}; returns the name it had,
   * or null when nothing to rename (never declared, or dropped). Into a held name, the two columns
   * become one, as two ADD COLUMNs of one name do.
   */
  @Nullable String rename(String from, String to, OpId id) {
    int inc = root(lastHolder(from));
    if (inc < 0 || names.get(inc) == null) {
      return null;
    }
    String old = names.get(inc);
    if (old == null || old.equals(to)) {
      return old;
    }
    altered = true;
    held.remove(old);
    event(old, id, -1, inc);
    Integer target = held.get(to);
    if (target != null) {
      mergedInto.set(inc, target);
      return old;
    }
    names.set(inc, to);
    held.put(to, inc);
    event(to, id, inc, -1);
    return old;
  }

  /** Drops the column named (or last named) {@code name}; returns its name, or null if none. */
  @Nullable String drop(String name, OpId id) {
    int inc = root(lastHolder(name));
    String old = inc < 0 ? null : names.get(inc);
    if (old == null) {
      return null;
    }
    altered = true;
    held.remove(old);
    names.set(inc, null);
    event(old, id, -1, inc);
    return old;
  }

  /** DROP TABLE: every column ends. */
  void dropAll(OpId id) {
    for (Map.Entry<String, Integer> e : held.entrySet()) {
      names.set(e.getValue(), null);
      event(e.getKey(), id, -1, e.getValue());
    }
    held.clear();
  }

  /** The name of the column that holds (or held last) {@code name} now, or {@code name}. */
  public String current(String name) {
    int inc = root(lastHolder(name));
    String n = inc < 0 ? null : names.get(inc);
    return n == null ? name : n;
  }

  private int lastHolder(String name) {
    Integer h = held.get(name);
    if (h != null) {
      return h;
    }
    List<Event> es = events.get(name);
    return es == null || es.isEmpty() ? -1 : es.get(es.size() - 1).previous();
  }

  private int root(int inc) {
    int i = inc;
    while (i >= 0 && mergedInto.get(i) >= 0) {
      i = mergedInto.get(i);
    }
    return i;
  }

  private void event(String name, OpId id, int holder, int previous) {
    events.computeIfAbsent(name, n -> new ArrayList<>()).add(new Event(id, holder, previous));
  }
}
