package io.pluresdb.crdt.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.op.OpKind;
import io.pluresdb.crdt.op.Operation;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * Records the values that lose a last-writer-wins race, in {@code _pl_conflicts} with kind {@link
 * #KIND}: when an operation sets a field whose current value it had not seen (the field's clock is
 * not among the operation's precursors), the two writes were concurrent and the one with the
 * smaller id is discarded, whichever of them arrives first. Precursors arrive before the operations
 * that name them, so a field clock the writer saw is always among them; every node that holds both
 * writes therefore records the same race once. Equal values lose nothing and are not recorded, nor
 * are COUNTER fields, whose increments add up.
 *
 * <p>A delete beats a concurrent update (see {@link EntityState}): the update's values are lost to
 * it, recorded by {@link DeletedWrites}.
 *
 * <p>The detail is a JSON object: the field, and the losing and winning value (as text), node
 * ({@code %012x}), time (UTC, ISO 8601) and operation id, and the winner's kind ({@code won_by}:
 * {@code UPDATE} or {@code DELETE}, whose value is NULL).
 *
 * <p>Stateless; used by the writer only.
 */
final class LostWrites {
  static final String KIND = "WRITE";

  private LostWrites() {}

  /** Records the races {@code op} has with the fields of {@code s}, before it is merged. */
  static void record(Writer w, TableSql t, EntityState s, Operation op) throws SQLException {
    if (op.kind() == OpKind.DELETE) {
      DeletedWrites.updatesLostTo(w, t, s, op);
      return;
    }
    if (op.kind() == OpKind.UPDATE) {
      DeletedWrites.updateLost(w, t, s, op);
    }
    String[] cols = op.columns();
    for (int i = 0; i < cols.length; i++) {
      EntityState.Field f = s.fields.get(cols[i]);
      if (f == null
          || t.counters.contains(cols[i])
          || t.merged.contains(cols[i])
          || f.clock().equals(op.id())
          || op.precursors().contains(f.clock())
          || Objects.deepEquals(f.value(), op.values()[i])) {
        continue;
      }
      boolean opWins = op.id().after(f.clock());
      OpId lost = opWins ? f.clock() : op.id();
      Object lostValue = opWins ? f.value() : op.values()[i];
      Object wonValue = opWins ? op.values()[i] : f.value();
      race(
          w,
          t,
          op.key(),
          cols[i],
          lost,
          lostValue,
          opWins ? op.id() : f.clock(),
          wonValue,
          OpKind.UPDATE);
    }
  }

  /**
   * Records one lost value: field {@code field} of the entity at {@code key} written by {@code
   * lost}, discarded for {@code won}'s value (NULL and kind {@code DELETE} when a delete won).
   */
  static void race(
      Writer w,
      TableSql t,
      Object[] key,
      String field,
      OpId lost,
      Object lostValue,
      OpId won,
      Object wonValue,
      OpKind wonKind)
      throws SQLException {
    ObjectNode d = Json.MAPPER.createObjectNode();
    d.put("field", field);
    side(d, "lost", lost, lostValue);
    side(d, "won", won, wonValue);
    d.put("won_by", wonKind.name());
    ConflictLog.record(
        w, t.def.name(), LogHistory.entity(key), lost.toString(), KIND, d.toString());
  }

  private static void side(ObjectNode d, String name, OpId id, Object value) {
    d.put(name + "_value", LogHistory.text(value));
    d.put(name + "_node", String.format(Locale.ROOT, "%012x", id.node()));
    d.put(name + "_at", Instant.ofEpochMilli(id.millis()).toString());
    d.put(name + "_op", id.toString());
  }

  /** Jackson only where a race is found: most merges load none of it. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }
}
