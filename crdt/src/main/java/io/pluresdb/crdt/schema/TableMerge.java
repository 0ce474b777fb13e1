package io.pluresdb.crdt.schema;

import io.pluresdb.crdt.clock.OpId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The merge of the schema operations of one table name: a pure function of the <em>set</em> of its
 * CREATE TABLE, ADD COLUMN and DROP TABLE operations, so every node that holds the same operations
 * derives the same definition, whatever order they arrived in. The operations are folded in
 * operation-id order (ids respect causality and are the deterministic conflict order):
 *
 * <ul>
 *   <li>DROP TABLE ends the table: everything declared before it (by id) is forgotten, and data
 *       operations older than it stay in the log only. A CREATE TABLE with a greater id starts a
 *       new table, so a drop wins over the operations it causally follows and a create after it
 *       wins over the drop.
 *   <li>The columns are an add-wins set keyed by name: the union of the columns of every CREATE
 *       TABLE and ADD COLUMN since the last drop.
 *   <li>A column declared twice with different definitions (type, size, constraints) takes the
 *       definition of the operation with the greater id; the other is reported as a {@link Clash}
 *       and stays a {@linkplain Result#declared declared type}, so values written under it are kept
 *       rather than refused.
 *   <li>Of concurrent CREATE TABLEs, the one with the greater id decides the table-level parts:
 *       primary key, UNIQUE, CHECK and foreign keys. A different primary key is reported as a clash
 *       of the pseudo-column {@link #PRIMARY_KEY}. Columns only a losing CREATE TABLE declared
 *       become nullable, since the winner's rows never set them.
 *   <li>Columns are ordered by the operation that first declared them (then by their place in it),
 *       which for a table without clashes is the order CREATE TABLE and ADD COLUMN give.
 *   <li>RENAME COLUMN renames the column that holds the name (or held it last, when an operation
 *       older than the rename took it away): of two concurrent renames of one column the greater id
 *       wins, a rename into a name held by another column makes the two one column (as two ADD
 *       COLUMNs of one name do). DROP COLUMN ends the column that holds (or held last) the name; a
 *       later ADD COLUMN of that name starts a new, empty column. A drop of a column the table's
 *       primary key, UNIQUE or foreign keys use is void (SQLite refuses it locally). Which column a
 *       data operation's field belongs to is decided by {@link ColumnNames}.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class TableMerge {
  /** The subject of a primary-key clash in {@link Clash#column}. */
  public static final String PRIMARY_KEY = "PRIMARY KEY";

  /** A schema operation of the table, with its operation id. */
  public record Declared(OpId id, SchemaChange change) {}

  /**
   * Two operations that declared one column (or the primary key) differently.
   *
   * @param column the column name, or {@link #PRIMARY_KEY}
   * @param winner the definition in effect, as text
   * @param loser the definition that lost, as text
   */
  public record Clash(String column, String winner, String loser, OpId winnerOp, OpId loserOp) {
    /** A sentence naming the table, the column, both definitions and both operations. */
    public String describe(String table) {
      return (column.equals(PRIMARY_KEY) ? "primary key" : "column '" + column + "'")
          + " of table '"
          + table
          + "' declared "
          + winner
          + " by op "
          + winnerOp
          + " and "
          + loser
          + " by op "
          + loserOp
          + "; "
          + winner
          + " wins, values of the other are kept in the log";
    }
  }

  /**
   * The merged table.
   *
   * @param table the definition, or null when the table is dropped (or never created)
   * @param dropped the id of the last DROP TABLE, or null; data operations older stay in the log
   * @param clashes the conflicting declarations since the last drop
   * @param firstDeclared the operation that first declared each column (orders the columns)
   * @param names which column each data operation's field belongs to (renames and drops)
   */
  public record Result(
      @Nullable TableDef table,
      @Nullable OpId dropped,
      List<Clash> clashes,
      Map<String, OpId> firstDeclared,
      ColumnNames names) {}

  private TableMerge() {}

  private record Column(ColumnDef def, OpId definer, OpId first, int place, boolean byCreate) {
    Column renamed(String to) {
      return new Column(def.withName(to), definer, first, place, byCreate);
    }
  }

  /** Merges the operations (any order, duplicates allowed) declaring table {@code name}. */
  public static Result merge(String name, List<Declared> ops) {
    List<Declared> sorted = new ArrayList<>(ops);
    sorted.sort(Comparator.comparing(Declared::id));
    Map<String, Column> cols = Names.map();
    List<Clash> clashes = new ArrayList<>();
    TableDef winner = null;
    OpId winnerOp = null;
    OpId dropped = null;
    int creates = 0;
    OpId previous = null;
    ColumnNames names = new ColumnNames();
    for (Declared d : sorted) {
      if (d.id().equals(previous)) {
        continue;
      }
      previous = d.id();
      if (d.change() instanceof SchemaChange.DropTable) {
        cols.clear();
        clashes.clear();
        winner = null;
        winnerOp = null;
        creates = 0;
        dropped = d.id();
        names.dropAll(d.id());
      } else if (d.change() instanceof SchemaChange.CreateTable c) {
        List<ColumnDef> cs = c.table().columns();
        for (int i = 0; i < cs.size(); i++) {
          declare(cols, clashes, cs.get(i), d.id(), i, true);
          names.declare(cs.get(i).name(), d.id());
        }
        if (winner != null
            && winnerOp != null
            && !winner.primaryKey().equals(c.table().primaryKey())) {
          clashes.add(
              new Clash(
                  PRIMARY_KEY,
                  keyText(c.table().primaryKey()),
                  keyText(winner.primaryKey()),
                  d.id(),
                  winnerOp));
        }
        winner = c.table();
        winnerOp = d.id();
        creates++;
      } else if (d.change() instanceof SchemaChange.AddColumn a && winner != null) {
        declare(cols, clashes, a.column(), d.id(), 0, false);
        names.declare(a.column().name(), d.id());
      } else if (d.change() instanceof SchemaChange.RenameColumn rc && winner != null) {
        String old = names.rename(rc.column(), rc.to(), d.id());
        Column c = old == null ? null : cols.remove(old);
        if (c != null && !cols.containsKey(rc.to())) {
          cols.put(rc.to(), c.renamed(rc.to()));
        }
      } else if (d.change() instanceof SchemaChange.DropColumn dc
          && winner != null
          && winnerOp != null
          && !constrained(winner, winnerOp, names, names.current(dc.column()))) {
        String old = names.drop(dc.column(), d.id());
        if (old != null) {
          cols.remove(old);
        }
      }
    }
    if (winner == null || winnerOp == null) {
      return new Result(null, dropped, List.of(), Map.of(), names);
    }
    List<Column> ordered = new ArrayList<>(cols.values());
    ordered.sort(Comparator.comparing(Column::first).thenComparingInt(Column::place));
    List<ColumnDef> defs = new ArrayList<>();
    Map<String, OpId> first = Names.map();
    for (Column c : ordered) {
      boolean relaxed = creates > 1 && c.byCreate() && !c.definer().equals(winnerOp);
      defs.add(relaxed ? nullable(c.def()) : c.def());
      first.put(c.def().name(), c.first());
    }
    OpId at = winnerOp;
    List<List<String>> uniques = new ArrayList<>();
    winner.uniqueKeys().forEach(u -> uniques.add(rename(u, names, at)));
    List<ForeignKeyDef> fks = new ArrayList<>();
    for (ForeignKeyDef fk : winner.foreignKeys()) {
      fks.add(fk.withColumns(rename(fk.columns(), names, at), fk.refColumns()));
    }
    // the newest create names the table: concurrent creates may spell it differently
    TableDef table =
        new TableDef(
            winner.name(),
            defs,
            rename(winner.primaryKey(), names, at),
            uniques,
            winner.checks(),
            fks);
    return new Result(table, dropped, List.copyOf(clashes), first, names);
  }

  /** The winner's column names as the columns are named now. */
  private static List<String> rename(List<String> columns, ColumnNames names, OpId at) {
    List<String> out = new ArrayList<>();
    for (String c : columns) {
      String n = names.resolve(c, at);
      out.add(n == null || n.equals(ColumnNames.DROPPED) ? c : n);
    }
    return out;
  }

  /** True when the table's key, a UNIQUE or a foreign key of the winner uses column {@code now}. */
  private static boolean constrained(TableDef t, OpId at, ColumnNames names, String now) {
    List<String> used = new ArrayList<>(t.primaryKey());
    t.uniqueKeys().forEach(used::addAll);
    t.foreignKeys().forEach(fk -> used.addAll(fk.columns()));
    for (String c : used) {
      if (now.equals(names.resolve(c, at))) {
        return true;
      }
    }
    return false;
  }

  private static void declare(
      Map<String, Column> cols,
      List<Clash> clashes,
      ColumnDef def,
      OpId id,
      int place,
      boolean byCreate) {
    Column old = cols.get(def.name());
    if (old == null) {
      cols.put(def.name(), new Column(def, id, id, place, byCreate));
      return;
    }
    if (!sameColumn(old.def(), def)) {
      clashes.add(new Clash(def.name(), text(def), text(old.def()), id, old.definer()));
    }
    // the greater id (this one: ops are folded in id order) defines the column and its spelling
    cols.put(def.name(), new Column(def, id, old.first(), old.place(), byCreate));
  }

  /**
   * True when two declarations of a column store and compare its values alike: they may differ in
   * the words only ({@code INT} and {@code INTEGER} are one type) and in the name's case, which are
   * no clash; the greater id's words and spelling are kept, as its definition is.
   */
  private static boolean sameColumn(ColumnDef a, ColumnDef b) {
    return a.withName(b.name())
        .equals(b.withType(b.type(), b.precision(), b.scale(), a.declaredType()));
  }

  private static ColumnDef nullable(ColumnDef c) {
    return c.withNullable(true);
  }

  /** A column definition as text: type (as declared, when known), size, NOT NULL, DEFAULT. */
  public static String text(ColumnDef c) {
    StringBuilder sb = new StringBuilder(c.type().name());
    if (c.precision() > 0) {
      sb.append('(').append(c.precision());
      if (c.scale() > 0) {
        sb.append(',').append(c.scale());
      }
      sb.append(')');
    }
    if (!c.nullable()) {
      sb.append(" NOT NULL");
    }
    if (c.defaultSql() != null) {
      sb.append(" DEFAULT ").append(c.defaultSql());
    }
    if (c.autoIncrement()) {
      sb.append(" IDENTITY");
    }
    if (c.collation() != null) {
      sb.append(" COLLATE ").append(c.collation());
    }
    if (c.declaredType() != null) {
      sb.append(" (declared '").append(c.declaredType()).append("')");
    }
    return sb.toString();
  }

  private static String keyText(List<String> key) {
    return key.isEmpty() ? "(none)" : "(" + String.join(", ", key) + ")";
  }
}
