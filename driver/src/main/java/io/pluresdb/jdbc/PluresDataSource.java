package io.pluresdb.jdbc;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.driver.url.PluresProperty;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A {@link DataSource} for PluresDB: a URL plus one bean property per connection property ({@code
 * synchronous}, {@code lockTimeout}, ...), for pools and containers that configure data sources by
 * setters. Values set here are defaults; the URL's own {@code ?key=value} win.
 *
 * <p>Thread-safe: configuration is synchronized; connections are opened outside the lock.
 */
public class PluresDataSource implements DataSource {
  private @Nullable String url;
  private final Properties properties = new Properties();
  private int loginTimeout;
  private @Nullable PrintWriter logWriter;

  public PluresDataSource() {}

  public PluresDataSource(String url) {
    this.url = url;
  }

  public synchronized @Nullable String getUrl() {
    return url;
  }

  public synchronized void setUrl(@Nullable String url) {
    this.url = url;
  }

  /** Sets any connection property by its URL name; the value is checked on connect. */
  public synchronized void setProperty(String key, @Nullable String value) throws SQLException {
    PluresProperty p = PluresProperty.forKey(key);
    if (p == null) {
      throw Errors.of(SqlState.INVALID_ATTRIBUTE_VALUE, "unknown property '" + key + "'");
    }
    set(p, value == null ? null : p.normalize(value));
  }

  /** The value set for a property (by its URL name), or null. */
  public synchronized @Nullable String getProperty(String key) {
    PluresProperty p = PluresProperty.forKey(key);
    return p == null ? null : properties.getProperty(p.key());
  }

  private synchronized void set(PluresProperty p, @Nullable Object value) {
    properties.remove(p.key());
    if (value != null) {
      properties.setProperty(p.key(), value.toString());
    }
  }

  private String text(PluresProperty p) {
    String v = getProperty(p.key());
    return v == null ? p.defaultValue() : v;
  }

  public String getSynchronous() {
    return text(PluresProperty.SYNCHRONOUS);
  }

  public void setSynchronous(String mode) {
    set(PluresProperty.SYNCHRONOUS, mode);
  }

  public long getLockTimeout() {
    return Long.parseLong(text(PluresProperty.LOCK_TIMEOUT));
  }

  public void setLockTimeout(long milliseconds) {
    set(PluresProperty.LOCK_TIMEOUT, milliseconds);
  }

  public long getMaxClockDrift() {
    return Long.parseLong(text(PluresProperty.MAX_CLOCK_DRIFT));
  }

  public void setMaxClockDrift(long milliseconds) {
    set(PluresProperty.MAX_CLOCK_DRIFT, milliseconds);
  }

  public long getClockOffset() {
    return Long.parseLong(text(PluresProperty.CLOCK_OFFSET));
  }

  public void setClockOffset(long milliseconds) {
    set(PluresProperty.CLOCK_OFFSET, milliseconds);
  }

  public String getHistoryRetention() {
    return text(PluresProperty.HISTORY_RETENTION);
  }

  public void setHistoryRetention(String duration) {
    set(PluresProperty.HISTORY_RETENTION, duration);
  }

  public String getNode() {
    return text(PluresProperty.NODE);
  }

  public void setNode(String node) {
    set(PluresProperty.NODE, node);
  }

  public boolean getReadOnly() {
    return Boolean.parseBoolean(text(PluresProperty.READ_ONLY));
  }

  public void setReadOnly(boolean readOnly) {
    set(PluresProperty.READ_ONLY, readOnly);
  }

  public int getLiveBuffer() {
    return Integer.parseInt(text(PluresProperty.LIVE_BUFFER));
  }

  public void setLiveBuffer(int changes) {
    set(PluresProperty.LIVE_BUFFER, changes);
  }

  public String getUser() {
    return text(PluresProperty.USER);
  }

  public void setUser(String user) {
    set(PluresProperty.USER, user);
  }

  public String getPassword() {
    return text(PluresProperty.PASSWORD);
  }

  public void setPassword(String password) {
    set(PluresProperty.PASSWORD, password);
  }

  public int getEfSearch() {
    return Integer.parseInt(text(PluresProperty.EF_SEARCH));
  }

  public void setEfSearch(int ef) {
    set(PluresProperty.EF_SEARCH, ef);
  }

  public String getPeers() {
    return text(PluresProperty.PEERS);
  }

  public void setPeers(String urls) {
    set(PluresProperty.PEERS, urls);
  }

  public String getListen() {
    return text(PluresProperty.LISTEN);
  }

  public void setListen(String hostPort) {
    set(PluresProperty.LISTEN, hostPort);
  }

  public String getToken() {
    return text(PluresProperty.TOKEN);
  }

  public void setToken(String token) {
    set(PluresProperty.TOKEN, token);
  }

  public String getJwt() {
    return text(PluresProperty.JWT);
  }

  public void setJwt(String jwt) {
    set(PluresProperty.JWT, jwt);
  }

  public String getJwtSecretFile() {
    return text(PluresProperty.JWT_SECRET_FILE);
  }

  public void setJwtSecretFile(String file) {
    set(PluresProperty.JWT_SECRET_FILE, file);
  }

  public String getJwks() {
    return text(PluresProperty.JWKS);
  }

  public void setJwks(String file) {
    set(PluresProperty.JWKS, file);
  }

  public String getJwtAudience() {
    return text(PluresProperty.JWT_AUDIENCE);
  }

  public void setJwtAudience(String audience) {
    set(PluresProperty.JWT_AUDIENCE, audience);
  }

  public String getKeyStore() {
    return text(PluresProperty.KEY_STORE);
  }

  public void setKeyStore(String path) {
    set(PluresProperty.KEY_STORE, path);
  }

  public String getKeyStorePassword() {
    return text(PluresProperty.KEY_STORE_PASSWORD);
  }

  public void setKeyStorePassword(String password) {
    set(PluresProperty.KEY_STORE_PASSWORD, password);
  }

  public String getTrustStore() {
    return text(PluresProperty.TRUST_STORE);
  }

  public void setTrustStore(String path) {
    set(PluresProperty.TRUST_STORE, path);
  }

  public String getTrustStorePassword() {
    return text(PluresProperty.TRUST_STORE_PASSWORD);
  }

  public void setTrustStorePassword(String password) {
    set(PluresProperty.TRUST_STORE_PASSWORD, password);
  }

  public boolean getTrustAll() {
    return Boolean.parseBoolean(text(PluresProperty.TRUST_ALL));
  }

  public void setTrustAll(boolean trustAll) {
    set(PluresProperty.TRUST_ALL, trustAll);
  }

  public long getRequestTimeout() {
    return Long.parseLong(text(PluresProperty.REQUEST_TIMEOUT));
  }

  public void setRequestTimeout(long millis) {
    set(PluresProperty.REQUEST_TIMEOUT, millis);
  }

  public int getMaxConnections() {
    return Integer.parseInt(text(PluresProperty.MAX_CONNECTIONS));
  }

  public void setMaxConnections(int connections) {
    set(PluresProperty.MAX_CONNECTIONS, connections);
  }

  public int getMaxConnectionsPerAddress() {
    return Integer.parseInt(text(PluresProperty.MAX_CONNECTIONS_PER_ADDRESS));
  }

  public void setMaxConnectionsPerAddress(int connections) {
    set(PluresProperty.MAX_CONNECTIONS_PER_ADDRESS, connections);
  }

  public int getMaxSessions() {
    return Integer.parseInt(text(PluresProperty.MAX_SESSIONS));
  }

  public void setMaxSessions(int sessions) {
    set(PluresProperty.MAX_SESSIONS, sessions);
  }

  public int getMaxParked() {
    return Integer.parseInt(text(PluresProperty.MAX_PARKED));
  }

  public void setMaxParked(int transactions) {
    set(PluresProperty.MAX_PARKED, transactions);
  }

  public String getScopes() {
    return text(PluresProperty.SCOPES);
  }

  public void setScopes(String createScopeStatements) {
    set(PluresProperty.SCOPES, createScopeStatements);
  }

  @Override
  public Connection getConnection() throws SQLException {
    String target;
    Properties props = new Properties();
    synchronized (this) {
      target = url;
      props.putAll(properties);
    }
    if (target == null) {
      throw Errors.of(SqlState.CLIENT_UNABLE_TO_CONNECT, "the data source has no URL");
    }
    Connection c = PluresDriver.register().connect(target, props);
    if (c == null) {
      throw Errors.of(SqlState.CLIENT_UNABLE_TO_CONNECT, "not a PluresDB URL: " + target);
    }
    return c;
  }

  /** User and password are accepted and ignored: an embedded database has no users. */
  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return getConnection();
  }

  @Override
  public synchronized @Nullable PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public synchronized void setLogWriter(PrintWriter out) {
    logWriter = out; // kept for the contract; the driver writes no log through it
  }

  @Override
  public synchronized void setLoginTimeout(int seconds) {
    loginTimeout = seconds;
  }

  @Override
  public synchronized int getLoginTimeout() {
    return loginTimeout;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw Errors.unsupported("DataSource.getParentLogger");
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface != null && iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw Errors.of(
        SqlState.INVALID_PARAMETER_VALUE,
        "PluresDataSource does not wrap " + (iface == null ? "null" : iface.getName()));
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface != null && iface.isInstance(this);
  }
}
