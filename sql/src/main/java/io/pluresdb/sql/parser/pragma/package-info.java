/** SQLite's PRAGMA statement as a parse tree node. */
@NullMarked
package io.pluresdb.sql.parser.pragma;

import org.jspecify.annotations.NullMarked;
