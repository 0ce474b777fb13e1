/**
 * Vector search, compiled: the distance functions as the validator knows them, HNSW index options,
 * and the top-k plan that says how an {@code ORDER BY distance LIMIT k} query may be answered from
 * an index.
 */
package io.pluresdb.sql.vector;
