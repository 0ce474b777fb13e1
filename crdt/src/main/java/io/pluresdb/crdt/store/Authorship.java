package io.pluresdb.crdt.store;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.op.ReceivedTx;
import io.pluresdb.crdt.op.RecordAuth;
import io.pluresdb.crdt.op.Transaction;
import io.pluresdb.crdt.sign.Ed25519;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks the authorship of a received batch before the store's writer is taken (an Ed25519 check
 * costs tens of microseconds and the writer is serial), against the pinned keys and the keys
 * earlier records of the batch announce. The rules:
 *
 * <ul>
 *   <li>A signed record verifies against its node's pinned key, or the key it carries when the node
 *       has none; a carried key must equal the pinned one, and for a fingerprint id ({@link
 *       Ed25519#isFingerprint}) must hash to the id. A node id chosen by its user is pinned to the
 *       first key seen for it.
 *   <li>An unsigned (legacy) record is refused for a node with a pinned key, and for a retired
 *       legacy id after the last transaction its node wrote under it.
 *   <li>A record retiring a legacy id carries its author's key, and may not retire a node that
 *       signs.
 * </ul>
 *
 * <p>The pins a batch adds are returned, to be written in the same SQLite transaction as the apply;
 * the caller checks them against the cache again under the writer permit, where two racing batches
 * meet.
 *
 * <p>Thread-safe: reads the {@link KeyPins}, keeps no state.
 */
final class Authorship {
  /**
   * The outcome: a refusal, or the pins the batch adds.
   *
   * @param forged the first refused transaction, or null
   * @param newPins pins the batch's records add (node id → pin); more are added if records kept
   *     pending announce keys when they apply
   * @param verified the records checked (transaction id → record bytes); the others, signed by a
   *     node whose key has not arrived yet, are checked when they apply
   */
  record Verdict(
      ApplyResult.Forged forged, Map<Long, KeyPins.Pin> newPins, Map<OpId, byte[]> verified) {}

  private final KeyPins pins;

  Authorship(KeyPins pins) {
    this.pins = pins;
  }

  /**
   * Checks a batch without the writer. A signed record of a node with no key known yet (it arrived
   * before the node's first record, which carries the key) is left unchecked: it cannot apply
   * before that first record, and is checked then by {@link #requireValid}.
   */
  Verdict check(List<ReceivedTx> batch) {
    Map<Long, KeyPins.Pin> added = new HashMap<>();
    Map<OpId, byte[]> verified = new HashMap<>();
    for (ReceivedTx r : batch) {
      if (r.auth() != null && r.auth().publicKey() == null && pin(r.tx().node(), added) == null) {
        continue;
      }
      String wrong = wrong(r, added);
      if (wrong != null) {
        return new Verdict(new ApplyResult.Forged(r.tx().id(), wrong), Map.of(), Map.of());
      }
      verified.put(r.tx().id(), r.record());
    }
    return new Verdict(null, added, verified);
  }

  /**
   * Under the writer, as {@code r} is about to apply: throws {@link Forgery} unless it was checked
   * by {@link #check} with these very bytes or checks now (a record kept pending, or one whose key
   * arrived after it), adding any pin it makes to {@code verdict}'s.
   */
  void requireValid(ReceivedTx r, Verdict verdict) {
    byte[] checked = verdict.verified().get(r.tx().id());
    if (checked != null && Arrays.equals(checked, r.record())) {
      return;
    }
    String wrong = wrong(r, verdict.newPins());
    if (wrong != null) {
      throw new Forgery(new ApplyResult.Forged(r.tx().id(), wrong));
    }
  }

  private KeyPins.Pin pin(long node, Map<Long, KeyPins.Pin> added) {
    KeyPins.Pin p = added.get(node);
    return p != null ? p : pins.get(node);
  }

  /**
   * The first record of {@code batch} whose pin in {@code added} another call pinned otherwise
   * meanwhile, or null; called with the writer permit held, where the cache is current.
   */
  ApplyResult.Forged conflicting(List<ReceivedTx> batch, Map<Long, KeyPins.Pin> added) {
    for (ReceivedTx r : batch) {
      OpId retires = r.auth() == null ? null : r.auth().retires();
      for (long node :
          retires == null
              ? new long[] {r.tx().node()}
              : new long[] {r.tx().node(), retires.node()}) {
        KeyPins.Pin mine = added.get(node);
        KeyPins.Pin now = pins.get(node);
        if (mine != null && now != null && !now.sameAs(mine)) {
          return new ApplyResult.Forged(
              r.tx().id(),
              String.format(Locale.ROOT, "another key was pinned for node %012x first", node));
        }
      }
    }
    return null;
  }

  private String wrong(ReceivedTx r, Map<Long, KeyPins.Pin> added) {
    Transaction tx = r.tx();
    long node = tx.node();
    KeyPins.Pin pin = pin(node, added);
    RecordAuth auth = r.auth();
    if (auth == null) {
      if (pin != null && pin.key() != null) {
        return "an unsigned record claims a node whose key is pinned";
      }
      if (pin != null && tx.id().compareTo(pin.retiredAfter()) > 0) {
        return "an unsigned record of a retired node id, after its last transaction "
            + pin.retiredAfter();
      }
      return null;
    }
    byte[] key = auth.publicKey();
    if (key != null) {
      if (pin != null && pin.key() == null) {
        return "a key claims a retired legacy node id";
      }
      if (pin != null && !Arrays.equals(pin.key(), key)) {
        return "a different key claims the node";
      }
      if (pin == null && Ed25519.isFingerprint(node) && Ed25519.fingerprint(key) != node) {
        return String.format(
            Locale.ROOT,
            "the key's fingerprint is %012x, not the node id",
            Ed25519.fingerprint(key));
      }
    } else if (pin == null || pin.key() == null) {
      return "signed with a key this node has not pinned";
    }
    byte[] verifyWith = key != null ? key : pin.key();
    if (!Ed25519.verify(
        verifyWith, r.record(), auth.signedLength(), r.record(), auth.signedLength())) {
      return "the signature does not verify";
    }
    if (pin == null) {
      added.put(node, KeyPins.Pin.key(key));
    }
    return auth.retires() == null ? null : retire(auth, key, added);
  }

  private String retire(RecordAuth auth, byte[] key, Map<Long, KeyPins.Pin> added) {
    OpId last = auth.retires();
    long legacy = last.node();
    KeyPins.Pin pin = pin(legacy, added);
    if (key == null) {
      return "retires a legacy node id without announcing its key";
    }
    if (pin != null && pin.key() != null) {
      return String.format(Locale.ROOT, "retires node %012x, which signs", legacy);
    }
    if (pin == null) {
      added.put(legacy, KeyPins.Pin.retired(last));
    }
    return null;
  }
}
