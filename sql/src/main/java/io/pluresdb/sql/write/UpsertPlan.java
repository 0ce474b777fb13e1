package io.pluresdb.sql.write;

import io.pluresdb.sql.read.ReadPlan;

/**
 * What an INSERT does to a row whose key exists: replace it (SQLite's {@code INSERT OR REPLACE}) or
 * update it ({@code ON CONFLICT DO UPDATE SET ... [WHERE ...]}). Immutable.
 *
 * @param replace true for INSERT OR REPLACE: every non-key column takes the new row's value
 * @param set for DO UPDATE, the assignments; pushed values are {@link ValueSource.FromRow}
 * @param finder for DO UPDATE with expressions or a WHERE: {@code SELECT key..., expr... FROM t
 *     WHERE key = the new row's key [AND where]}, whose parameters after the user's are the
 *     proposed row ({@code excluded.*}, from {@code rowParamBase}) and then the key (from {@code
 *     keyParamBase}); null when every value is a literal or parameter
 */
public record UpsertPlan(
    boolean replace, Assignments set, ReadPlan finder, int rowParamBase, int keyParamBase) {}
