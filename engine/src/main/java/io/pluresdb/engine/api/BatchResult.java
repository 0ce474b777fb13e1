package io.pluresdb.engine.api;

/**
 * What executing a statement once per parameter row produced.
 *
 * @param counts the update count of each row, in order
 * @param generatedKeys the generated keys of all rows when they were asked for, else null
 */
public record BatchResult(long[] counts, Cursor generatedKeys) {}
