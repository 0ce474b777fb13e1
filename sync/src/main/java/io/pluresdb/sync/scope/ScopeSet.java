package io.pluresdb.sync.scope;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The scopes one node holds, and whether its copy of the database is partial: a node that declared
 * scopes, or was sent only the rows its user may read, holds a slice and must never serve it to
 * other nodes as if it were the whole. Each change moves its {@link #version}: a session opened for
 * an older version closes, and the one that replaces it sends the new scopes, so the serving node
 * sends the new slice.
 *
 * <p>Thread-safe.
 */
public final class ScopeSet {
  private final Map<String, Scope> scopes = new LinkedHashMap<>();
  private volatile long version;
  private volatile boolean sliced;

  /** The scopes, in the order declared. */
  public synchronized List<Scope> all() {
    return List.copyOf(scopes.values());
  }

  /** Adds {@code s}; false when a scope of that name exists. */
  public boolean add(Scope s) {
    synchronized (this) {
      if (scopes.putIfAbsent(key(s.name()), s) != null) {
        return false;
      }
    }
    changed();
    return true;
  }

  /** Drops the scope named {@code name}; false when there is none. */
  public boolean drop(String name) {
    synchronized (this) {
      if (scopes.remove(key(name)) == null) {
        return false;
      }
    }
    changed();
    return true;
  }

  /** Moves at every change of the scopes. */
  public long version() {
    return version;
  }

  /** This node was sent a slice of the database. */
  public void markSliced() {
    sliced = true;
  }

  /** True when this node's copy may be partial: it declared scopes or was sent a slice. */
  public boolean partial() {
    synchronized (this) {
      if (!scopes.isEmpty()) {
        return true;
      }
    }
    return sliced;
  }

  private synchronized void changed() {
    version++;
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
