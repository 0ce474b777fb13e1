package io.pluresdb.sync.protocol;

import io.pluresdb.crdt.op.OpKind;
import io.pluresdb.crdt.op.Operation;
import io.pluresdb.crdt.op.Transaction;
import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.IndexDef;
import io.pluresdb.crdt.schema.SchemaChange;
import io.pluresdb.crdt.schema.TriggerDef;
import io.pluresdb.sync.auth.PolicyAgent;
import io.pluresdb.sync.auth.PolicyAgent.Principal;

/**
 * What one admitted peer may read and write, applied per transaction.
 *
 * <p>Writes: a transaction is accepted only if the peer may write the collection of every one of
 * its operations; a schema operation's collection is the table (or view) it creates, alters or
 * drops, so a peer that may write {@code notes} cannot create or drop {@code accounts}.
 *
 * <p>Reads: a transaction is sent only if the peer may read the collection of every data operation
 * in it. Schema operations are always readable: they reveal table and column names, not rows, and
 * withholding them would leave the peer unable to apply later readable writes to those tables.
 * Transactions are never redacted (sent with forbidden operations removed): the peer would then
 * hold a transaction id that claims operations it never received, and relay that incomplete
 * transaction to others as if it were whole. Instead {@link Streamer} withholds the writing node's
 * later transactions from that peer too, because each node's transactions chain by {@code prev} and
 * the peer could not apply them past the gap. The cost: one unreadable write stops the flow of its
 * writer's later writes to that peer (and of other writers' transactions that need them, such as
 * rows of a table that writer created afterwards, which the peer keeps pending), so deployments
 * that restrict reads should keep each writer's restricted and public data on separate nodes.
 *
 * <p>Immutable and thread-safe.
 */
final class Access {
  private final PolicyAgent agent;
  private final Principal who;
  private final boolean readsAll;

  Access(PolicyAgent agent, Principal who) {
    this.agent = agent;
    this.who = who;
    this.readsAll = agent.mayReadAll(who);
  }

  Principal principal() {
    return who;
  }

  /** True when every record may be sent without decoding it. */
  boolean readsAll() {
    return readsAll;
  }

  /** True when every data operation of {@code tx} is on a collection the peer may read. */
  boolean mayRead(Transaction tx) {
    for (Operation op : tx.ops()) {
      if (op.kind() != OpKind.SCHEMA && !agent.mayRead(who, op.table())) {
        return false;
      }
    }
    return true;
  }

  /** The first collection of {@code tx} the peer may not write, or null when it may write all. */
  String forbiddenWrite(Transaction tx, Catalog catalog) {
    for (Operation op : tx.ops()) {
      if (op.kind() == OpKind.SCHEMA && !agent.mayChangeSchema(who)) {
        return "the schema";
      }
      String c = collection(op, catalog);
      if (!agent.mayWrite(who, c)) {
        return c;
      }
    }
    return null;
  }

  /** The collection an operation concerns: its table, or the object its schema change names. */
  static String collection(Operation op, Catalog catalog) {
    if (op.kind() != OpKind.SCHEMA) {
      return op.table();
    }
    SchemaChange c = op.schema();
    if (c instanceof SchemaChange.CreateTable t) {
      return t.table().name();
    } else if (c instanceof SchemaChange.DropTable t) {
      return t.table();
    } else if (c instanceof SchemaChange.AddColumn a) {
      return a.table();
    } else if (c instanceof SchemaChange.CreateIndex i) {
      return i.index().table();
    } else if (c instanceof SchemaChange.DropIndex d) {
      IndexDef known = catalog.indexes().get(d.index());
      return known == null ? d.index() : known.table();
    } else if (c instanceof SchemaChange.CreateView v) {
      return v.view().name();
    } else if (c instanceof SchemaChange.DropView v) {
      return v.view();
    }
    return alteredCollection(c, catalog);
  }

  /**
   * The collection of the schema changes that alter or accompany an existing table. Every kind of
   * change must be named here: an unknown kind would fail every batch that carries it, and the
   * session with it, so the peers could never converge.
   */
  private static String alteredCollection(SchemaChange c, Catalog catalog) {
    if (c instanceof SchemaChange.RenameColumn r) {
      return r.table();
    } else if (c instanceof SchemaChange.DropColumn d) {
      return d.table();
    } else if (c instanceof SchemaChange.AlterColumn a) {
      return a.table();
    } else if (c instanceof SchemaChange.AddForeignKey a) {
      return a.table();
    } else if (c instanceof SchemaChange.DropConstraint d) {
      return d.table();
    } else if (c instanceof SchemaChange.CreateSequence q) {
      return q.sequence().name();
    } else if (c instanceof SchemaChange.DropSequence q) {
      return q.sequence();
    } else if (c instanceof SchemaChange.RenameTable r) {
      return r.table();
    } else if (c instanceof SchemaChange.CreateTrigger t) {
      return t.trigger().table();
    } else if (c instanceof SchemaChange.DropTrigger d) {
      TriggerDef known = catalog.triggers().get(d.trigger());
      return known == null ? d.trigger() : known.table();
    } else if (c instanceof SchemaChange.CreatePolicy p) {
      return p.policy().table();
    } else if (c instanceof SchemaChange.DropPolicy d) {
      return d.table();
    } else if (c instanceof SchemaChange.SetPragma) {
      // a database-wide setting: only a peer that may write the schema itself may change it
      return "sqlite_schema";
    }
    throw new IllegalArgumentException("unknown schema change " + c);
  }
}
