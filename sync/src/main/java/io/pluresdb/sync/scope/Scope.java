package io.pluresdb.sync.scope;

import org.jspecify.annotations.Nullable;

/**
 * One scope: the rows of {@code table} meeting {@code where}.
 *
 * @param name its name, unique on the node that declared it
 * @param table the table
 * @param where an SQL condition over the table's columns, or null for every row
 */
public record Scope(String name, String table, @Nullable String where) {}
