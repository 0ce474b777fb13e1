package io.pluresdb.engine.session;

import java.util.List;

/**
 * One execution's arguments.
 *
 * @param generatedKeys the key columns to report, or null (see {@code Session#execute})
 * @param timeoutSeconds 0 for none
 * @param maxRows 0 for no limit
 * @param temps the session's TEMP tables the statement reads through copies (TempCopies)
 */
record Execution(
    List<Object> params,
    List<String> generatedKeys,
    int timeoutSeconds,
    long maxRows,
    List<String> temps) {}
