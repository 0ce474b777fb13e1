/** The SQL parser generated from Calcite's templates, extended with PluresDB's statements. */
package io.pluresdb.sql.parser;
