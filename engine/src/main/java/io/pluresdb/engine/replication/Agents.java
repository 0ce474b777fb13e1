package io.pluresdb.engine.replication;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.engine.api.JwtSettings;
import io.pluresdb.engine.api.ReplicationSettings;
import io.pluresdb.sync.auth.JwtAgent;
import io.pluresdb.sync.auth.PermissiveAgent;
import io.pluresdb.sync.auth.PolicyAgent;
import io.pluresdb.sync.auth.SharedTokenAgent;
import java.io.IOException;
import java.sql.SQLException;
import java.text.ParseException;

/**
 * Who a node admits: JWT users when it verifies tokens (and the shared token's holder beside them,
 * as one trusted principal), else the shared token's holder, else everyone (loopback only).
 */
final class Agents {
  private Agents() {}

  static PolicyAgent of(ReplicationSettings settings) throws SQLException {
    PolicyAgent shared = settings.token() == null ? null : new SharedTokenAgent(settings.token());
    JwtSettings jwt = settings.jwt();
    if (!jwt.verifies()) {
      return shared != null ? shared : new PermissiveAgent();
    }
    try {
      return JwtAgent.load(jwt.secretFile(), jwt.jwks(), jwt.audience(), shared);
    } catch (IOException | ParseException | IllegalArgumentException e) {
      throw Errors.of(
          SqlState.CLIENT_UNABLE_TO_CONNECT,
          "cannot load the JWT verification key ("
              + (jwt.secretFile() != null
                  ? "jwt_secret_file " + jwt.secretFile()
                  : "jwks " + jwt.jwks())
              + "): "
              + e.getMessage(),
          e);
    }
  }
}
