package io.pluresdb.crdt.schema;

/**
 * A sequence: a named source of cluster-unique 64-bit values. Values are not {@code start + k *
 * increment}: each value {@code v} is the highest of a block of {@code increment} consecutive ids
 * reserved for the issuing node, so a client may use {@code v - increment + 1 .. v} (as Hibernate's
 * pooled optimizer does) without asking again, and two nodes never hand out the same value.
 *
 * @param start the START WITH value as declared; issued values are cluster-unique ids, far above
 *     any practical start
 * @param increment the INCREMENT BY value: the width of the block behind each value, 1 to {@link
 *     #MAX_INCREMENT}
 */
public record SequenceDef(String name, long start, int increment) {
  /** The widest block one value can reserve: the ids one node may issue in one millisecond. */
  public static final int MAX_INCREMENT = 4096;
}
