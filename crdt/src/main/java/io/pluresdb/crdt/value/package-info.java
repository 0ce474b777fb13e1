/** Value conversions between JDBC, canonical and SQLite-stored forms. */
package io.pluresdb.crdt.value;
