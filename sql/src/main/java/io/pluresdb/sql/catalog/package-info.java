/**
 * The Calcite view of the replicated schema: one schema {@code main} with a table per collection
 * and a table per view, rebuilt for each catalog version.
 */
package io.pluresdb.sql.catalog;
