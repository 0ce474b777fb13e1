package io.pluresdb.planner.support;

import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.schema.SchemaChange;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.crdt.store.Store;
import io.pluresdb.crdt.store.StoreConfig;
import io.pluresdb.crdt.store.WriteTxn;
import io.pluresdb.planner.Planner;
import io.pluresdb.planner.Session;
import io.pluresdb.planner.exec.Cursor;
import io.pluresdb.planner.exec.Result;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.StringJoiner;

/** A real store in a temporary directory with a planner and one session, for tests. */
public final class Db implements AutoCloseable {
  private final Store store;
  private final Planner planner;
  private final Session session;

  private Db(Store store) throws SQLException {
    this.store = store;
    this.planner = new Planner(store);
    this.session = planner.openSession();
  }

  public static Db open(Path dir) throws SQLException {
    return new Db(Store.open(StoreConfig.file(dir.resolve("test.db"))));
  }

  public Store store() {
    return store;
  }

  public Planner planner() {
    return planner;
  }

  public Session session() {
    return session;
  }

  /** Applies schema changes directly through the store. */
  public void schema(SchemaChange... changes) throws SQLException {
    try (WriteTxn t = store.beginWrite(Duration.ofSeconds(5))) {
      for (SchemaChange c : changes) {
        t.schema(c);
      }
      t.commit();
    }
  }

  /** album(id BIGINT PK, name VARCHAR(100) NOT NULL, year INTEGER, released DATE, artist_id). */
  public static TableDef album() {
    return new TableDef(
        "album",
        List.of(
            new ColumnDef("id", ColumnType.BIGINT, 0, 0, false, null, false),
            new ColumnDef("name", ColumnType.VARCHAR, 100, 0, false, null, false),
            ColumnDef.of("year", ColumnType.INTEGER),
            ColumnDef.of("released", ColumnType.DATE),
            ColumnDef.of("artist_id", ColumnType.BIGINT)),
        List.of("id"), List.of(), List.of(), List.of());
  }

  /** artist(id BIGINT PK, name VARCHAR NOT NULL, country CHAR(2)). */
  public static TableDef artist() {
    return new TableDef(
        "artist",
        List.of(
            new ColumnDef("id", ColumnType.BIGINT, 0, 0, false, null, false),
            new ColumnDef("name", ColumnType.VARCHAR, 0, 0, false, null, false),
            new ColumnDef("country", ColumnType.CHAR, 2, 0, true, null, false)),
        List.of("id"), List.of(), List.of(), List.of());
  }

  public Result exec(String sql, Object... params) throws SQLException {
    return session.execute(session.prepare(sql), Arrays.asList(params), null, 0, 0);
  }

  public long update(String sql, Object... params) throws SQLException {
    return ((Result.Count) exec(sql, params)).count();
  }

  public List<String> rows(String sql, Object... params) throws SQLException {
    Result r = exec(sql, params);
    try (Cursor c = ((Result.Rows) r).cursor()) {
      return format(c);
    }
  }

  /** Each row as its values joined by '|', NULL for null. */
  public static List<String> format(Cursor c) throws SQLException {
    List<String> out = new ArrayList<>();
    int n = c.columns().size();
    while (c.next()) {
      StringJoiner j = new StringJoiner("|");
      for (int i = 1; i <= n; i++) {
        j.add(text(c.get(i)));
      }
      out.add(j.toString());
    }
    return out;
  }

  public static String text(Object v) {
    if (v == null) {
      return "NULL";
    }
    if (v instanceof byte[] b) {
      return "x'" + HexFormat.of().formatHex(b) + "'";
    }
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (v instanceof float[] f) {
      return Arrays.toString(f);
    }
    return v.toString();
  }

  @Override
  public void close() throws SQLException {
    try {
      session.close();
    } finally {
      store.close();
    }
  }
}
