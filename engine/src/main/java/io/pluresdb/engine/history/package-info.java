/**
 * The store's log read as history: the {@code sys_history} view of every field change, with the
 * node that made it and when, the {@code sys_conflicts} view of lost last-writer-wins races, and
 * the SQL functions that rebuild a table's past rows for {@code FOR SYSTEM_TIME AS OF}.
 */
@NullMarked
package io.pluresdb.engine.history;

import org.jspecify.annotations.NullMarked;
