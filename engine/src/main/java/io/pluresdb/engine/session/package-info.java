/**
 * Sessions: one per JDBC connection, holding the transaction state, the SQLite read connection and
 * its prepared statements, and the cursors that stream rows back.
 */
package io.pluresdb.engine.session;
