package io.pluresdb.sync.http;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * The routes mounted on one listener, consulted for each request in mounting order. Mounted and
 * unmounted while the listener runs.
 *
 * <p>Thread-safe: a copy-on-write list, read on every request and written rarely.
 */
public final class HttpRoutes {
  private final List<HttpRoute> routes = new CopyOnWriteArrayList<>();

  /** Mounts {@code route}; closing the returned handle unmounts it. */
  public AutoCloseable mount(HttpRoute route) {
    routes.add(route);
    return () -> routes.remove(route);
  }

  /** The first mounted route that accepts {@code path}, or null when none does. */
  public @Nullable HttpRoute find(String path) {
    for (HttpRoute r : routes) {
      if (r.accepts(path)) {
        return r;
      }
    }
    return null;
  }
}
