package io.pluresdb.crdt.schema;

import io.pluresdb.crdt.clock.OpId;

/**
 * A database-wide integer that SQLite keeps in its file header and applications set with a PRAGMA
 * ({@code user_version}, {@code application_id}). It replicates with the schema, since migrations
 * keyed on it change the schema: a node that receives the tables of migration 3 also receives
 * {@code user_version = 3}, and does not run that migration again. Of concurrent settings the one
 * with the greater operation id holds on every node.
 *
 * @param value the value, as SQLite keeps it: a signed 32-bit integer
 * @param setBy the id of the schema operation that set it
 */
public record Setting(long value, OpId setBy) {}
