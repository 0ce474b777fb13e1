package io.pluresdb.driver.engine;

import io.pluresdb.crdt.feed.ChangeFeed;
import io.pluresdb.crdt.op.Transaction;
import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.store.ApplyResult;
import io.pluresdb.crdt.store.Store;
import io.pluresdb.crdt.store.WriteTxn;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * The store as the planner sees it: the same store, except that a write waits for the writer no
 * longer than the executing connection's {@code lock_timeout} (see {@link WriterWait}).
 *
 * <p>Thread-safe, as the store it delegates to.
 */
final class WriterWaitStore implements Store {
  private final Store store;

  WriterWaitStore(Store store) {
    this.store = store;
  }

  @Override
  public WriteTxn beginWrite(Duration timeout) throws SQLException {
    return store.beginWrite(WriterWait.cap(timeout));
  }

  @Override
  public String nodeId() {
    return store.nodeId();
  }

  @Override
  public String databaseId() {
    return store.databaseId();
  }

  @Override
  public Catalog catalog() {
    return store.catalog();
  }

  @Override
  public Connection openReader() throws SQLException {
    return store.openReader();
  }

  @Override
  public ChangeFeed changeFeed() {
    return store.changeFeed();
  }

  @Override
  public ApplyResult applyRemote(List<Transaction> transactions) throws SQLException {
    return store.applyRemote(transactions);
  }

  @Override
  public List<Transaction> log() throws SQLException {
    return store.log();
  }

  @Override
  public void rebuild() throws SQLException {
    store.rebuild();
  }

  @Override
  public void close() throws SQLException {
    store.close();
  }
}
