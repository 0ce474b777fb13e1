/**
 * SQLite's own lexical and expression syntax in PluresDB's grammar: {@code [x]} and {@code `x`}
 * quoted names, {@code GLOB}, {@code COLLATE}, and the JSON operators {@code ->} and {@code ->>}.
 */
@NullMarked
package io.pluresdb.sql.parser.sqlite;

import org.jspecify.annotations.NullMarked;
