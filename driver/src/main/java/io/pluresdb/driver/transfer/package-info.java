/**
 * Moving rows between a database and files: a table or query out as CSV (RFC 4180) or JSON lines,
 * and such a file into a table in one transaction, with each value's text read as its column's
 * type. The command line's {@code export} and {@code import} and the shell's {@code !export} and
 * {@code !import} use it.
 */
@NullMarked
package io.pluresdb.driver.transfer;

import org.jspecify.annotations.NullMarked;
