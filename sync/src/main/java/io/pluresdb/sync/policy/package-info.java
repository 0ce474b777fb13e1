/**
 * Row-level policies on what a node accepts from a peer that acts for a user: each written row is
 * checked before and after the write against its table's policies, evaluated by SQLite over the
 * store.
 */
@NullMarked
package io.pluresdb.sync.policy;

import org.jspecify.annotations.NullMarked;
