package io.pluresdb.crdt.store;

import io.pluresdb.crdt.clock.MutableClock;
import io.pluresdb.crdt.op.Transaction;
import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.schema.SchemaChange;
import io.pluresdb.crdt.schema.TableDef;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
    Store s = Store.open(StoreConfig.memory("merge-" + n).withClock(clock)
        .withNodeName(String.format("%012x", n)));
    stores.add(s);
    clocks.add(clock);
    return s;
  }

  /** kv(k BIGINT PK, a VARCHAR, b BIGINT, c DOUBLE) and notes(n BIGINT) without a key. */
  static void createTables(Store s) throws SQLException {
    try (WriteTxn tx = s.beginWrite(Fixtures.WAIT)) {
      tx.schema(new SchemaChange.CreateTable(new TableDef("kv", List.of(
          new ColumnDef("k", ColumnType.BIGINT, 0, 0, false, null, false),
          ColumnDef.of("a", ColumnType.VARCHAR), ColumnDef.of("b", ColumnType.BIGINT),
          ColumnDef.of("c", ColumnType.DOUBLE)), List.of("k"), List.of(), List.of(),
          List.of())));
      tx.schema(new SchemaChange.CreateTable(new TableDef("notes",
          List.of(ColumnDef.of("n", ColumnType.BIGINT)), List.of(), List.of(), List.of(),
          List.of())));
      tx.commit();
    }
  }

  static void sync(Store from, Store to) throws SQLException {
    to.applyRemote(from.log());
  }

  /** Every transaction held by any of the stores, once each. */
  List<Transaction> union() throws SQLException {
    Map<Object, Transaction> all = new LinkedHashMap<>();
    for (Store s : stores) {
      for (Transaction tx : s.log()) {
        all.putIfAbsent(tx.id(), tx);
      }
    }
    return new ArrayList<>(all.values());
  }

  /** The materialized tables including clocks, sorted. */
  static List<String> state(Store s) throws SQLException {
    List<String> out = new ArrayList<>(Fixtures.dump(s, "SELECT k, a, b, c, hex(_clk) FROM kv"));
    out.addAll(Fixtures.dump(s, "SELECT n, hex(_id), hex(_clk) FROM notes"));
    return out;
  }

  @Override
  public void close() throws SQLException {
    for (Store s : stores) {
      s.close();
    }
  }
}
