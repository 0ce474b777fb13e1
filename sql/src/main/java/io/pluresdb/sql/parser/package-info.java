/** The SQL parser generated from Calcite's templates, extended with PluresDB's statements. */
@NullMarked
package io.pluresdb.sql.parser;

import org.jspecify.annotations.NullMarked;
