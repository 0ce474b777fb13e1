/**
 * Firing SQLite triggers for local writes: each row's BEFORE and AFTER triggers, their WHEN and
 * body run in the firing transaction, the body's writes through the ordinary write path.
 */
@NullMarked
package io.pluresdb.engine.trigger;

import org.jspecify.annotations.NullMarked;
