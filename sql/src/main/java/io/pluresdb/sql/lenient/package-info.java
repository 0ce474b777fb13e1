/**
 * What SQLite accepts and the standard validator refuses, made acceptable by small rewrites of the
 * parsed tree that SQLite reads back as the user wrote it: bare columns in grouped queries and
 * non-boolean conditions.
 */
@NullMarked
package io.pluresdb.sql.lenient;

import org.jspecify.annotations.NullMarked;
