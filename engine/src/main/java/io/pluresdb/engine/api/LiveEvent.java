package io.pluresdb.engine.api;

/**
 * One row of a live query's stream.
 *
 * @param kind what the row says about the result
 * @param row the query's visible columns, canonical values (all null for {@link ChangeKind#RESET})
 * @param version the log position of the latest transaction reflected (non-decreasing)
 */
public record LiveEvent(ChangeKind kind, Object[] row, long version) {}
