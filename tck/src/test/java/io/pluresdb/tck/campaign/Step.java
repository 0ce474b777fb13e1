package io.pluresdb.tck.campaign;

import java.util.List;

/**
 * One step of a campaign {@link Schedule}. Nodes are numbered: 0 is the hub, 1 and up its clients.
 * Each step prints as one line, so a failing seed's schedule can be read and replayed.
 */
sealed interface Step {
  /** How a write's outcome is judged. */
  enum Expect {
    /** A write only its node makes (own table, DDL): it must commit. */
    COMMITS,
    /** A write to a row any node writes: a 23505 from a concurrent insert is a fair refusal. */
    MAY_CONFLICT,
    /**
     * A schema change or write to a table of one name that nodes create concurrently with different
     * columns (unless {@code -Dcampaign.clashes=false}): the local schema may refuse it (class 42)
     * or a concurrent insert may (23505).
     */
    MAY_CLASH
  }

  /**
   * One transaction on node {@code node}; {@code token} (empty for DDL) is also inserted into the
   * audit table by the same transaction.
   */
  record Write(int node, String token, List<String> sql, Expect expect) implements Step {
    @Override
    public String toString() {
      return "write n" + node + " [" + expect + "] " + String.join(" ;; ", sql);
    }
  }

  /** Partition: client {@code node}'s link to the hub is cut. */
  record Cut(int node) implements Step {
    @Override
    public String toString() {
      return "cut n" + node;
    }
  }

  /** The link of client {@code node} is restored. */
  record Heal(int node) implements Step {
    @Override
    public String toString() {
      return "heal n" + node;
    }
  }

  /**
   * A peer holding the shared token sends the hub a transaction in node {@code node}'s name (into
   * the {@code forged} table): the hub must refuse it, and nothing of it may appear anywhere.
   */
  record Forge(int node) implements Step {
    @Override
    public String toString() {
      return "forge a transaction of n" + node + " at the hub";
    }
  }

  /** Kill -9 of node {@code node}. */
  record Kill(int node) implements Step {
    @Override
    public String toString() {
      return "kill -9 n" + node;
    }
  }

  /** Node {@code node} starts again on its database file. */
  record Restart(int node) implements Step {
    @Override
    public String toString() {
      return "restart n" + node;
    }
  }
}
