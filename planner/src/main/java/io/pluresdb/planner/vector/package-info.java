/**
 * Vector search in SQL: the distance functions for Calcite and SQLite, HNSW index maintenance that
 * follows the change feed, and the top-k plan that answers {@code ORDER BY distance LIMIT k} from
 * an index.
 */
package io.pluresdb.planner.vector;
