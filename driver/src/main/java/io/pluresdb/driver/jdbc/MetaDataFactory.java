package io.pluresdb.driver.jdbc;

import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.driver.url.ConnectionUrl;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.util.function.Supplier;

/**
 * Makes a connection's {@link DatabaseMetaData}. The metadata builds its answers from this
 * package's result sets, so the connection is handed its maker rather than depending on it.
 */
@FunctionalInterface
public interface MetaDataFactory {
  DatabaseMetaData create(Connection connection, ConnectionUrl url, Supplier<Catalog> catalog);
}
