/**
 * SQLite's view of the schema: the {@code sqlite_schema} table and the PRAGMAs that read the
 * schema, answered from the replicated catalog so that they show the user's tables as declared and
 * nothing of the store's own bookkeeping.
 */
@NullMarked
package io.pluresdb.sql.pragma;

import org.jspecify.annotations.NullMarked;
