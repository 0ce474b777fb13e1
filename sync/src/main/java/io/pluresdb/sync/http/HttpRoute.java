package io.pluresdb.sync.http;

/**
 * A part of a node that answers plain HTTP requests on the replication port, for the paths it
 * accepts. {@link #handle} is called on a network thread: a route hands anything that may block
 * (SQL, files) to its own threads and answers from there.
 */
public interface HttpRoute {
  /** True when this route answers requests for {@code path}. */
  boolean accepts(String path);

  /** Answers {@code call} through {@code reply}, now or later from another thread. */
  void handle(HttpCall call, HttpReply reply);
}
