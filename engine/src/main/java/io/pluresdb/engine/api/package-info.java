/** What the engine hands the JDBC surface: sessions, results and cursors. */
package io.pluresdb.engine.api;
