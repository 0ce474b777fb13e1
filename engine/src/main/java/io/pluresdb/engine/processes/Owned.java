package io.pluresdb.engine.processes;

import io.pluresdb.engine.api.DatabaseTarget;
import io.pluresdb.engine.api.EngineSettings;
import io.pluresdb.engine.runtime.RunningEngine;
import java.sql.SQLException;

/**
 * A file database this process owns: its engine, and the endpoint it serves other processes on,
 * named in the lock file.
 */
record Owned(RunningEngine engine, OwnerEndpoint endpoint) {

  /** Opens the file as its owner and serves other processes; 55006 while another owns it. */
  static Owned open(DatabaseTarget target, EngineSettings settings, Runnable statementEnded)
      throws SQLException {
    RunningEngine engine = RunningEngine.open(target, settings, statementEnded);
    OwnerEndpoint endpoint = null;
    try {
      endpoint =
          OwnerEndpoint.start(
              engine, engine.store().notifications(), engine.runtime().threads("owner"));
      engine.store().advertise(endpoint.note().format());
      return new Owned(engine, endpoint);
    } catch (SQLException | RuntimeException e) {
      if (endpoint != null) {
        endpoint.close();
      }
      try {
        engine.shutdown();
      } catch (SQLException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  /** Stops serving other processes, then closes the engine (and with it the lock). */
  void close() throws SQLException {
    endpoint.close();
    engine.shutdown();
  }
}
