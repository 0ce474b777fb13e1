package io.pluresdb.sync.http;

import java.util.Map;

/**
 * How a route answers one {@link HttpCall}: either one whole response or a stream of server-sent
 * events. Exactly one of the two, once. Any thread may call it; the connection closes after a whole
 * response.
 */
public interface HttpReply {
  /** Sends a whole response: status, content type, extra headers and body. */
  void send(int status, String contentType, Map<String, String> headers, byte[] body);

  /**
   * Answers with a {@code text/event-stream} and returns it; the connection stays open until the
   * stream or the client closes it.
   */
  EventStream stream();
}
