package io.pluresdb.engine.api;

/**
 * How far the build of one HNSW index from its table has come: {@code done} of {@code total}
 * vectors are in its graph.
 */
public record IndexBuild(String index, int done, int total) {}
