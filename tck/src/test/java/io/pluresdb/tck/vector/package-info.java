/**
 * Vector search through {@code java.sql} only: VECTOR columns, distance functions, HNSW indexes.
 */
package io.pluresdb.tck.vector;
