/**
 * The SQL toolkit shared by reads, writes and DDL: parsing, validation against the catalog, the
 * SQLite dialect that turns validated trees back into SQLite SQL, and error mapping.
 */
@NullMarked
package io.pluresdb.sql.calcite;

import org.jspecify.annotations.NullMarked;
