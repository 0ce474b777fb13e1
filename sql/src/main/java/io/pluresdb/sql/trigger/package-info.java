/**
 * SQLite's triggers: CREATE and DROP TRIGGER read with SQLite's grammar, and a trigger's WHEN and
 * body compiled into statements whose {@code NEW.x} and {@code OLD.x} are parameters, for the
 * engine to run through the ordinary write path when a local write fires the trigger.
 */
@NullMarked
package io.pluresdb.sql.trigger;

import org.jspecify.annotations.NullMarked;
