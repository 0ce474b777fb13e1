package io.pluresdb.crdt.op;

/** What an operation does to its entity (or, for SCHEMA, to the catalog). */
public enum OpKind {
  INSERT,
  UPDATE,
  DELETE,
  SCHEMA
}
