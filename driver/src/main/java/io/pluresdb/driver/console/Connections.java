package io.pluresdb.driver.console;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens a JDBC connection to the node the console shows; each request uses its own. */
@FunctionalInterface
public interface Connections {
  Connection open() throws SQLException;
}
