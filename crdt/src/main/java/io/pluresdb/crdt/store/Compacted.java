package io.pluresdb.crdt.store;

import io.pluresdb.crdt.op.VersionVector;

/**
 * What a compaction run did (see {@link Store#compact}).
 *
 * @param transactions log records folded away by this run
 * @param tombstones tombstones of deleted rows dropped by this run
 * @param horizon per writing node, the last transaction folded away by any run so far
 */
public record Compacted(long transactions, long tombstones, VersionVector horizon) {}
