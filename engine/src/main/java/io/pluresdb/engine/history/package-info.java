/**
 * The store's log read as history: the {@code sys_history} view of every field change, with the
 * node that made it and when.
 */
@NullMarked
package io.pluresdb.engine.history;

import org.jspecify.annotations.NullMarked;
