/**
 * The HNSW index service: index maintenance that follows the change feed, index files beside the
 * database, the SQLite vector functions, and the top-k search that answers a compiled top-k plan
 * from an index.
 */
package io.pluresdb.engine.vector;
