package io.pluresdb.engine.support;

import io.pluresdb.crdt.store.Store;
import io.pluresdb.crdt.store.StoreConfig;
import io.pluresdb.engine.api.Cursor;
import io.pluresdb.engine.api.Result;
import io.pluresdb.engine.api.Session;
import io.pluresdb.engine.session.Planner;
import io.pluresdb.engine.threads.EngineRuntime;
import io.pluresdb.engine.vector.HnswIndexes;
import io.pluresdb.engine.vector.VectorSupport;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.StringJoiner;

/** A real store in a temporary directory with a planner and one session, for tests. */
public final class Db implements AutoCloseable {
  private final Store store;
  private final EngineRuntime runtime;
  private final Planner planner;
  private final Session session;

  private final HnswIndexes indexes;

  private Db(Store store, Path file, boolean withIndexes) throws SQLException {
    this.store = store;
    this.runtime = new EngineRuntime("test");
    this.planner = new Planner(store, runtime);
    this.indexes =
        withIndexes ? HnswIndexes.start(store, HnswIndexes.directoryFor(file), runtime) : null;
    planner.useVectorIndexes(indexes);
    this.session = planner.openSession();
  }

  /** A database (with its vector index service) in {@code dir}, created if missing. */
  public static Db open(Path dir) throws SQLException {
    return open(dir, true);
  }

  /** A database in {@code dir}, with or without the service that maintains its vector indexes. */
  public static Db open(Path dir, boolean withIndexes) throws SQLException {
    Path file = dir.resolve("test.db");
    return new Db(Store.open(VectorSupport.configure(StoreConfig.file(file))), file, withIndexes);
  }

  public HnswIndexes indexes() {
    return indexes;
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
      try {
        if (indexes != null) {
          indexes.close();
        }
      } catch (Exception e) {
        throw new SQLException("closing the vector indexes", e);
      } finally {
        runtime.close();
        store.close();
      }
    }
  }
}
