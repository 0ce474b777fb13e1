package io.pluresdb.crdt.store;

import io.pluresdb.crdt.clock.MutableClock;
import io.pluresdb.crdt.op.LogEntry;
import io.pluresdb.crdt.op.ReceivedTx;
import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.schema.SchemaChange;
import io.pluresdb.crdt.schema.TableDef;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** In-memory nodes with hand-set clocks, for merge tests. */
final class Nodes implements AutoCloseable {
  private static final AtomicInteger NAMES = new AtomicInteger();

  final List<Store> stores = new ArrayList<>();
  final List<MutableClock> clocks = new ArrayList<>();

  Store add(long millis) throws SQLException {
    MutableClock clock = new MutableClock(millis);
    int n = NAMES.incrementAndGet();
    Store s =
        Store.open(
            StoreConfig.memory("merge-" + n)
                .withClock(clock)
                .withNodeName(String.format(Locale.ROOT, "%012x", n)));
    stores.add(s);
    clocks.add(clock);
    return s;
  }

  /** kv(k BIGINT PK, a VARCHAR, b BIGINT, c DOUBLE) and notes(n BIGINT) without a key. */
  /**
   * Three stores whose clocks start {@code step} ms apart from {@code start}, each holding the
   * tables of {@link #createTables} as created by the first.
   */
  static Nodes threeWithTables(long start, long step) throws SQLException {
    Nodes nodes = new Nodes();
    for (int i = 0; i < 3; i++) {
      nodes.add(start + i * step);
    }
    createTables(nodes.stores.get(0));
    sync(nodes.stores.get(0), nodes.stores.get(1));
    sync(nodes.stores.get(0), nodes.stores.get(2));
    return nodes;
  }

  static void createTables(Store s) throws SQLException {
    try (WriteTxn tx = s.beginWrite(Fixtures.WAIT)) {
      tx.schema(
          new SchemaChange.CreateTable(
              new TableDef(
                  "kv",
                  List.of(
                      new ColumnDef("k", ColumnType.BIGINT, 0, 0, false, null, false),
                      ColumnDef.of("a", ColumnType.VARCHAR),
                      ColumnDef.of("b", ColumnType.BIGINT),
                      ColumnDef.of("c", ColumnType.DOUBLE)),
                  List.of("k"),
                  List.of(),
                  List.of(),
                  List.of())));
      tx.schema(
          new SchemaChange.CreateTable(
              new TableDef(
                  "notes",
                  List.of(ColumnDef.of("n", ColumnType.BIGINT)),
                  List.of(),
                  List.of(),
                  List.of(),
                  List.of())));
      tx.commit();
    }
  }

  static void sync(Store from, Store to) throws SQLException {
    to.applyRemote(received(from)).orThrow();
  }

  /** {@code s}'s log as another node receives it: each record as stored, decoded once. */
  static List<ReceivedTx> received(Store s) throws SQLException {
    return s.readLog(0, Integer.MAX_VALUE).stream().map(LogEntry::received).toList();
  }

  /** Every transaction held by any of the stores, once each. */
  List<ReceivedTx> union() throws SQLException {
    Map<Object, ReceivedTx> all = new LinkedHashMap<>();
    for (Store s : stores) {
      for (ReceivedTx r : received(s)) {
        all.putIfAbsent(r.tx().id(), r);
      }
    }
    return new ArrayList<>(all.values());
  }

  /**
   * The materialized tables including clocks, sorted. A clock is shown decoded (every field's op
   * id) rather than as its bytes: a store leaves its own node out of the clocks it writes, so the
   * same clock is stored differently on different nodes.
   */
  static List<String> state(Store s) throws SQLException {
    long node = Long.parseLong(s.nodeId(), 16);
    List<String> out = new ArrayList<>();
    for (String row : Fixtures.dump(s, "SELECT k, a, b, c, hex(_clk) FROM kv")) {
      out.add(decodeClock(row, 4, node));
    }
    for (String row : Fixtures.dump(s, "SELECT n, hex(_id), hex(_clk) FROM notes")) {
      out.add(decodeClock(row, 1, node));
    }
    out.sort(null);
    return out;
  }

  /** Replaces a dumped row's last value, a clock in hex, with the clock's op ids. */
  private static String decodeClock(String row, int columns, long node) {
    int at = row.lastIndexOf(", ");
    String hex = row.substring(at + 2, row.length() - 1);
    ClockVector v = ClockVector.decode(HexFormat.of().parseHex(hex), columns, node);
    return row.substring(0, at) + ", " + v.existence + " " + Arrays.toString(v.fields) + "]";
  }

  @Override
  public void close() throws SQLException {
    for (Store s : stores) {
      s.close();
    }
  }
}
