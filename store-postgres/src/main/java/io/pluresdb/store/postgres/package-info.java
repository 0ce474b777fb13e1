/**
 * A hub's store in PostgreSQL: the shared transaction log (signed records kept byte for byte,
 * idempotent by transaction id), what each origin node holds, where each client's sessions left
 * off, and the wake-up ({@code LISTEN/NOTIFY}) by which hubs sharing one database learn of each
 * other's appends.
 */
@NullMarked
package io.pluresdb.store.postgres;

import org.jspecify.annotations.NullMarked;
