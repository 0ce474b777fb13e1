/**
 * In-memory large objects: the {@link java.sql.Clob}, {@link java.sql.NClob} and {@link
 * java.sql.Blob} that connections create and result sets return. SQLite keeps a value whole in its
 * row, so a LOB here is the value itself, with the JDBC API's 1-based positions checked.
 */
@NullMarked
package io.pluresdb.driver.lob;

import org.jspecify.annotations.NullMarked;
