package io.pluresdb.sync.protocol;

/** Which end of a connection a session is: the client speaks first, the server answers. */
public enum Role {
  CLIENT,
  SERVER
}
