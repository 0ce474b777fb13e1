/** What the engine hands the JDBC surface: sessions, results and cursors. */
@NullMarked
package io.pluresdb.engine.api;

import org.jspecify.annotations.NullMarked;
