/** The SQLite store: operation log, materialized tables, per-field clocks and the one writer. */
package io.pluresdb.crdt.store;
