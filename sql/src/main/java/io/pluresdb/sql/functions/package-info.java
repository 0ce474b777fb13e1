/**
 * SQLite's built-in functions as Calcite knows them: one table of names, argument counts, result
 * types and kinds ({@link io.pluresdb.sql.functions.SqliteFunctionList}), the table-valued {@code
 * json_each} and {@code json_tree}, and the standard calls (interval arithmetic, LISTAGG,
 * JSON_OBJECT) rewritten into SQLite's spelling.
 */
@NullMarked
package io.pluresdb.sql.functions;

import org.jspecify.annotations.NullMarked;
