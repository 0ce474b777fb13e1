package io.pluresdb.engine.live;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.feed.ChangeSet;
import io.pluresdb.crdt.feed.EntityChange;
import io.pluresdb.crdt.schema.Names;
import io.pluresdb.crdt.schema.SchemaChange;
import io.pluresdb.engine.api.ChangeKind;
import io.pluresdb.engine.api.LiveEvent;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Matches committed change sets against the registered subscriptions and delivers what changed:
 * finds the subscriptions each change can affect ({@link SubscriptionIndex}), re-evaluates them in
 * the cheapest way that is exact ({@link Evaluator}: row image, probe by key, or re-run) and offers
 * the differences to their buffers.
 *
 * <p>Not thread-safe: owned by the reactor thread, as are the index and the registered set it
 * shares with {@link Registrar}.
 */
final class ChangeMatcher {
  private static final Logger LOG = LoggerFactory.getLogger(ChangeMatcher.class);

  private final Evaluator evaluator;
  private final SubscriptionIndex index;
  private final Set<LiveSubscription> registered;
  private final ReactorProgress progress;

  ChangeMatcher(
      Evaluator evaluator,
      SubscriptionIndex index,
      Set<LiveSubscription> registered,
      ReactorProgress progress) {
    this.evaluator = evaluator;
    this.index = index;
    this.registered = registered;
    this.progress = progress;
  }

  /**
   * Processes change sets in commit order. A subscription checked through row images gets each
   * transaction's own effect; the others are checked once for the whole group against the current
   * state (by key, or by re-running the query), which coalesces changes that committed meanwhile.
   */
  void changes(List<ChangeSet> group) throws SQLException {
    if (group.isEmpty()) {
      return;
    }
    long seq = group.get(group.size() - 1).entry().seq();
    Map<LiveSubscription, List<LiveEvent>> out = new LinkedHashMap<>();
    Set<LiveSubscription> refresh = new LinkedHashSet<>();
    Map<LiveSubscription, Map<RowKey, Object[]>> probes = new LinkedHashMap<>();
    Set<LiveSubscription> candidates = new HashSet<>();
    for (ChangeSet cs : group) {
      if (!cs.schemaChanges().isEmpty()) {
        evaluator.schemaChanged();
      }
      for (SchemaChange sc : cs.schemaChanges()) {
        String table = tableOf(sc);
        if (table != null) {
          index.allOf(table, refresh);
        } else {
          refresh.addAll(registered.stream().filter(s -> s.query.anyTable()).toList());
        }
      }
      for (EntityChange c : cs.changes()) {
        candidates.clear();
        index.candidates(c, candidates);
        for (LiveSubscription s : candidates) {
          route(s, c, cs.entry().seq(), refresh, probes, out);
        }
      }
    }
    progress.processed(seq);
    for (LiveSubscription s : refresh) {
      probes.remove(s); // the re-run covers the probed keys too
      evaluate(s, out, () -> evaluator.refresh(s, seq, index));
    }
    for (Map.Entry<LiveSubscription, Map<RowKey, Object[]>> p : probes.entrySet()) {
      LiveSubscription s = p.getKey();
      evaluate(s, out, () -> evaluator.probe(s, p.getValue(), seq, index));
    }
    for (Map.Entry<LiveSubscription, List<LiveEvent>> e : out.entrySet()) {
      deliver(e.getKey(), e.getValue(), seq);
    }
  }

  /** Checks a change against a candidate now (row image), or queues it for the group's end. */
  private void route(
      LiveSubscription s,
      EntityChange c,
      long seq,
      Set<LiveSubscription> refresh,
      Map<LiveSubscription, Map<RowKey, Object[]>> probes,
      Map<LiveSubscription, List<LiveEvent>> out) {
    boolean ownTable = Names.same(c.table(), s.query.table());
    if (!ownTable || s.query.probe() == null || refresh.contains(s)) {
      refresh.add(s);
      return;
    }
    // Once a key waits for the group's probe, later changes wait too, keeping commit order.
    if (s.query.image() != null && !probes.containsKey(s)) {
      boolean[] imaged = {false};
      evaluate(
          s,
          out,
          () -> {
            List<LiveEvent> events = evaluator.image(s, c, seq, index);
            imaged[0] = events != null;
            return events == null ? List.of() : events;
          });
      if (imaged[0] || s.sink().ended()) {
        return;
      }
    }
    probes.computeIfAbsent(s, k -> new LinkedHashMap<>()).put(RowKey.of(c.key()), c.key());
  }

  /** Work that computes a subscription's changes. */
  @FunctionalInterface
  private interface Step {
    List<LiveEvent> run() throws SQLException;
  }

  /** Runs a step, adding its changes to the subscription's output; a failure ends it. */
  private void evaluate(LiveSubscription s, Map<LiveSubscription, List<LiveEvent>> out, Step step) {
    if (s.sink().ended()) {
      return;
    }
    progress.evaluated();
    try {
      List<LiveEvent> events = step.run();
      if (!events.isEmpty()) {
        out.computeIfAbsent(s, k -> new ArrayList<>()).addAll(events);
      }
    } catch (SQLException e) {
      s.end(e);
    } catch (RuntimeException e) {
      LOG.warn("a live query failed: {}", s.query.read().sqliteSql(), e);
      s.end(Errors.of(SqlState.INTERNAL_ERROR, "the live query failed: " + e, e));
    }
  }

  /** Offers a subscription its changes; one that fell behind gets a RESET and the result. */
  private void deliver(LiveSubscription s, List<LiveEvent> events, long seq) {
    if (s.sink().ended() || s.sink().offer(events)) {
      return;
    }
    try {
      List<LiveEvent> snapshot = evaluator.snapshot(s, seq, index);
      s.sink()
          .reset(
              new LiveEvent(ChangeKind.RESET, new Object[s.query.visible()], s.version), snapshot);
    } catch (SQLException e) {
      s.end(e);
    }
  }

  /** The table a schema change touches, or null for views. */
  private static String tableOf(SchemaChange sc) {
    if (sc instanceof SchemaChange.CreateTable c) {
      return c.table().name();
    } else if (sc instanceof SchemaChange.DropTable d) {
      return d.table();
    } else if (sc instanceof SchemaChange.AddColumn a) {
      return a.table();
    } else if (sc instanceof SchemaChange.CreateIndex i) {
      return i.index().table();
    }
    return null;
  }
}
