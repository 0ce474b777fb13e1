package io.pluresdb.sync.http;

/**
 * An open stream of server-sent events to one client (the {@code text/event-stream} format of the
 * HTML standard). Any thread may call it; events are written in call order.
 */
public interface EventStream extends AutoCloseable {
  /**
   * Sends one event with its name and data (a line of text, typically JSON); returns false when the
   * client has gone and nothing was sent.
   */
  boolean send(String event, String data);

  /** Runs {@code action} once when the stream closes, from either side (at once if it has). */
  void onClose(Runnable action);

  /** Ends the stream and closes its connection. */
  @Override
  void close();
}
