package io.pluresdb.crdt.store;

import io.pluresdb.crdt.clock.HybridLogicalClock;
import io.pluresdb.crdt.feed.ChangeSet;
import io.pluresdb.crdt.feed.ListenerFeed;
import io.pluresdb.crdt.op.Transaction;
import io.pluresdb.crdt.schema.Catalog;
import java.util.Locale;

/**
 * The store as {@link RemoteApply} sees it: its writer and internal tables, the committed state a
 * call starts from, and how a committed remote transaction is published (clock, {@link
 * CommittedState}, change feed).
 *
 * <p>Used only while the store's writer permit is held; the change sets it queues are delivered by
 * the store after the permit is released.
 */
final class RemoteTarget implements ApplyTarget {
  private final Writer w;
  private final Meta meta;
  private final CommittedState state;
  private final HybridLogicalClock clock;
  private final ListenerFeed feed;

  RemoteTarget(
      Writer w, Meta meta, CommittedState state, HybridLogicalClock clock, ListenerFeed feed) {
    this.w = w;
    this.meta = meta;
    this.state = state;
    this.clock = clock;
    this.feed = feed;
  }

  @Override
  public Writer writer() {
    return w;
  }

  @Override
  public Meta meta() {
    return meta;
  }

  @Override
  public long lastSeq() {
    return state.lastSeq();
  }

  @Override
  public Meta.Version version(long node) {
    return state.version(node);
  }

  @Override
  public Catalog catalog() {
    return state.catalog();
  }

  @Override
  public void published(Committed c) {
    Transaction tx = c.tx();
    // the drift was checked before the call wrote anything; here the clock only follows
    clock.advanceTo(tx.lastId());
    state.committed(
        tx.node(), new Meta.Version(tx.lastId(), tx.id()), c.entry().seq(), w.catalog());
    feed.enqueue(
        new ChangeSet(
            tx.id().toString(),
            String.format(Locale.ROOT, "%012x", tx.node()),
            false,
            c.changes(),
            c.schema(),
            c.entry()));
  }
}
