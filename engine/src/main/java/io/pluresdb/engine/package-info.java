/**
 * Running SQL: sessions over a store, write execution, the live-query reactor, the HNSW index
 * service and replication, on threads owned by the engine.
 */
@NullMarked
package io.pluresdb.engine;

import org.jspecify.annotations.NullMarked;
