package io.pluresdb.hibernate;

import org.hibernate.dialect.sequence.SequenceSupport;

/**
 * Sequences as PluresDB has them: {@code NEXT VALUE FOR}, created and dropped with {@code IF [NOT]
 * EXISTS} so that schema update can run the create again harmlessly (the dialect reads no sequence
 * metadata). Each value {@code v} reserves {@code v - increment + 1 .. v} for this node, which is
 * what Hibernate's pooled optimizer uses, so pooled sequences are safe across nodes.
 */
final class PluresSequenceSupport implements SequenceSupport {
  static final PluresSequenceSupport INSTANCE = new PluresSequenceSupport();

  private PluresSequenceSupport() {}

  @Override
  public String getSelectSequenceNextValString(String sequenceName) {
    return "next value for " + sequenceName;
  }

  @Override
  public String getSequenceNextValString(String sequenceName) {
    return "select next value for " + sequenceName;
  }

  @Override
  public String getCreateSequenceString(String sequenceName) {
    return "create sequence if not exists " + sequenceName;
  }

  @Override
  public String getDropSequenceString(String sequenceName) {
    return "drop sequence if exists " + sequenceName;
  }
}
