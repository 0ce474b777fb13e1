/**
 * Live queries, compiled: a {@code SUBSCRIBE} becomes a {@link io.pluresdb.sql.live.LiveQuery} that
 * says how its rows are identified, how one entity's change is probed and which predicate filters
 * changes before any query runs.
 */
package io.pluresdb.sql.live;
