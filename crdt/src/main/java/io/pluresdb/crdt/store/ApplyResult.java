package io.pluresdb.crdt.store;

/**
 * What {@link Store#applyRemote} did.
 *
 * @param applied transactions newly applied
 * @param duplicates transactions already held, ignored
 * @param pending transactions kept waiting for missing precursors
 */
public record ApplyResult(int applied, int duplicates, int pending) {}
