package io.pluresdb.driver.console;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The peers of the node over time: every sample reads {@code sys_peers} and keeps, per peer that is
 * not closed, how many transactions it is behind; the last {@link #WINDOW} samples are kept, so the
 * chart shows a bounded window however long the node runs. The latest rows are kept whole for the
 * peer and parked-transaction tables.
 *
 * <p>Thread-safe: {@link #sample} runs on the console's sampling thread; readers take a copy under
 * the same lock.
 */
final class PeerHistory {
  static final int WINDOW = 300;
  private static final String QUERY =
      "SELECT node, address, role, state, last_heard, sent, received, behind, close_reason,"
          + " parked, parked_since, parked_reason FROM sys_peers";

  /** One sample: when, and each open peer's lag by its node (summed over its connections). */
  record Sample(long at, Map<String, Long> behind) {}

  private final Clock clock;
  private final Deque<Sample> samples = new ArrayDeque<>(); // guarded by this
  private List<Map<String, @Nullable Object>> latest = List.of(); // guarded by this

  PeerHistory(Clock clock) {
    this.clock = clock;
  }

  /** Reads {@code sys_peers} once through {@code c} and records it. */
  void sample(Connection c) throws SQLException {
    List<Map<String, @Nullable Object>> rows = new ArrayList<>();
    Map<String, Long> behind = new LinkedHashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(QUERY)) {
      List<String> columns = Json.columns(rs);
      while (rs.next()) {
        Map<String, @Nullable Object> row = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
          row.put(columns.get(i), Json.value(rs.getObject(i + 1)));
        }
        rows.add(row);
        String node = rs.getString("node");
        // a connection before its handshake has no node yet and nothing to be behind on
        if (!"CLOSED".equals(rs.getString("state")) && node != null && !node.isEmpty()) {
          behind.merge(node, rs.getLong("behind"), Long::sum);
        }
      }
    }
    synchronized (this) {
      samples.addLast(new Sample(clock.millis(), Map.copyOf(behind)));
      while (samples.size() > WINDOW) {
        samples.removeFirst();
      }
      latest = List.copyOf(rows);
    }
  }

  /** The samples and latest rows as the page reads them. */
  synchronized Map<String, Object> snapshot() {
    List<Map<String, @Nullable Object>> parked = new ArrayList<>();
    for (Map<String, @Nullable Object> row : latest) {
      if (row.get("parked") instanceof Number n && n.longValue() > 0) {
        parked.add(row);
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("samples", List.copyOf(samples));
    out.put("peers", latest);
    out.put("parked", parked);
    return out;
  }
}
