/**
 * DML beyond Calcite's own nodes: upserts ({@code ON CONFLICT}, {@code INSERT OR IGNORE/REPLACE})
 * and {@code RETURNING} on INSERT, UPDATE and DELETE.
 */
@NullMarked
package io.pluresdb.sql.parser.dml;

import org.jspecify.annotations.NullMarked;
