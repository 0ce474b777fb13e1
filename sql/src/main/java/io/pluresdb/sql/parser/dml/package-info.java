/**
 * DML beyond Calcite's own nodes: upserts ({@code ON CONFLICT}, {@code INSERT OR IGNORE/REPLACE})
 * {@code RETURNING} on INSERT, UPDATE and DELETE, and a query's locking clause ({@code FOR
 * UPDATE}).
 */
@NullMarked
package io.pluresdb.sql.parser.dml;

import org.jspecify.annotations.NullMarked;
