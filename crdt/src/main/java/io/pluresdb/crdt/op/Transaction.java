package io.pluresdb.crdt.op;

/** Placeholder: the crdt implementation defines the transaction's operations. */
public record Transaction(String id) {}
