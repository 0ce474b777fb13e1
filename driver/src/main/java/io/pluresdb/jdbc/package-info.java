/** The public JDBC API: driver, data source and the PluresDB extensions of Connection. */
package io.pluresdb.jdbc;
