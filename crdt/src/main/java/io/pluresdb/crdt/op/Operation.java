package io.pluresdb.crdt.op;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.schema.SchemaChange;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One event of the log: an insert, update or delete of one entity, or a schema change.
 *
 * @param id the operation id (its node is the id's low 48 bits)
 * @param kind what it does
 * @param table the collection; for SCHEMA the empty string
 * @param key the entity key in key-column order (canonical values); empty for SCHEMA
 * @param columns names of the fields it sets (all declared columns for INSERT, none for DELETE)
 * @param values canonical values of those fields
 * @param precursors the entity's heads when the operation was written
 * @param schema the schema change, for SCHEMA operations only (else null)
 */
public record Operation(
    OpId id,
    OpKind kind,
    String table,
    Object[] key,
    String[] columns,
    Object[] values,
    List<OpId> precursors,
    SchemaChange schema) {

  private static final Object[] NONE = new Object[0];
  private static final String[] NO_COLUMNS = new String[0];

  public Operation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    precursors = List.copyOf(precursors);
    if (columns.length != values.length) {
      throw new IllegalArgumentException("columns and values differ in length");
    }
  }

  /** A schema operation. */
  public static Operation schema(OpId id, SchemaChange change) {
    return new Operation(id, OpKind.SCHEMA, "", NONE, NO_COLUMNS, NONE, List.of(), change);
  }

  /** This operation on the table named {@code name} (renamed, or named in another case). */
  public Operation onTable(String name) {
    return new Operation(id, kind, name, key, columns, values, precursors, schema);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Operation op
        && id.equals(op.id)
        && kind == op.kind
        && table.equals(op.table)
        && Arrays.deepEquals(key, op.key)
        && Arrays.equals(columns, op.columns)
        && Arrays.deepEquals(values, op.values)
        && precursors.equals(op.precursors)
        && Objects.equals(schema, op.schema);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, kind, table, Arrays.deepHashCode(key), Arrays.hashCode(columns));
  }

  @Override
  public String toString() {
    return kind
        + " "
        + id
        + " "
        + table
        + " key="
        + Arrays.deepToString(key)
        + " "
        + Arrays.toString(columns)
        + "="
        + Arrays.deepToString(values)
        + (schema == null ? "" : " " + schema);
  }
}
