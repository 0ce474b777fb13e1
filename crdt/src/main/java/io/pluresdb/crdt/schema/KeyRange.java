package io.pluresdb.crdt.schema;

import org.jspecify.annotations.Nullable;

/**
 * The ids a node may generate for a key column: a block of the column's positive range chosen by
 * the node's <b>node number</b>, so that nodes never collide and the ids fit the column.
 *
 * <p>Layout: node number {@code n} owns {@code [n * B + 1, (n + 1) * B]}, cut at the type's
 * maximum, with the block size {@code B} by column type:
 *
 * <ul>
 *   <li>{@code INTEGER} (32-bit, a JPA {@code Integer}): B = 2<sup>21</sup> = 2,097,152 ids, for
 *       node numbers 0 to 1023;
 *   <li>{@code BIGINT} and every other type: B = 2<sup>40</sup> (about 10<sup>12</sup>) ids, for
 *       node numbers 0 to 2<sup>23</sup> - 1;
 *   <li>{@code SMALLINT}: B = 1024, node numbers 0 to 31; {@code TINYINT}: node 0 only, 1 to 127.
 * </ul>
 *
 * Node number 0 is the creator of a database (or a node that has joined nobody), so a single node
 * numbers 1, 2, 3 … as SQLite does. A node whose number has no block in a column's type, or that
 * used its whole block, gets 22003 naming the column: never an id of another node's block.
 *
 * @param first the lowest id of the block
 * @param last the highest id of the block
 */
public record KeyRange(long first, long last) {
  /** Block size exponent of 32-bit columns. */
  public static final int INTEGER_BLOCK_BITS = 21;

  /** Block size exponent of 64-bit columns. */
  public static final int BIGINT_BLOCK_BITS = 40;

  /** The block of node number {@code node} in a column of {@code type}; null if it has none. */
  public static @Nullable KeyRange of(ColumnType type, int node) {
    int bits;
    long max;
    switch (type) {
      case TINYINT -> {
        bits = 7;
        max = Byte.MAX_VALUE;
      }
      case SMALLINT -> {
        bits = 10;
        max = Short.MAX_VALUE;
      }
      case INTEGER -> {
        bits = INTEGER_BLOCK_BITS;
        max = Integer.MAX_VALUE;
      }
      default -> {
        bits = BIGINT_BLOCK_BITS;
        max = Long.MAX_VALUE;
      }
    }
    if (node < 0 || node >= 1L << (63 - bits)) {
      return null;
    }
    long first = ((long) node << bits) + 1;
    if (first > max) {
      return null;
    }
    // (node + 1) << bits may reach 2^63: subtract first to stay in range
    long last = first - 1 + Math.min(1L << bits, max - first + 1);
    return new KeyRange(first, last);
  }

  /** True for the types with 64-bit blocks (not TINYINT, SMALLINT or INTEGER). */
  public static boolean wide(ColumnType type) {
    return switch (type) {
      case TINYINT, SMALLINT, INTEGER -> false;
      default -> true;
    };
  }

  /**
   * The declared column whose keys the database generates when an INSERT omits them or gives NULL:
   * an identity column ({@link ColumnDef#autoIncrement()}), or SQLite's rowid alias, the single
   * {@code INTEGER} column of a one-column primary key.
   */
  public static boolean generated(TableDef table, int column) {
    return table.columns().get(column).autoIncrement() || column == rowidAlias(table);
  }

  /** The index of the table's rowid alias (its one INTEGER primary key column), or -1. */
  public static int rowidAlias(TableDef table) {
    if (table.primaryKey().size() != 1) {
      return -1;
    }
    int c = table.columnIndex(table.primaryKey().get(0));
    return c >= 0 && table.columns().get(c).type() == ColumnType.INTEGER ? c : -1;
  }
}
