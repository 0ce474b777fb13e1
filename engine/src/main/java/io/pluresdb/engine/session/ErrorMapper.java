package io.pluresdb.engine.session;

import java.sql.SQLException;

/** Gives a SQLite failure its SQLState (57014 for a cancelled or timed-out statement). */
@FunctionalInterface
interface ErrorMapper {
  SQLException map(SQLException e);
}
