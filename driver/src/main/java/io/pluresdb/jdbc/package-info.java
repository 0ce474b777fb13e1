/** The public JDBC API: driver, data source and the PluresDB extensions of Connection. */
@NullMarked
package io.pluresdb.jdbc;

import org.jspecify.annotations.NullMarked;
