package io.pluresdb.sync.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request as a route sees it: its method, path, query parameters, headers (names in lower
 * case) and body. Immutable.
 *
 * @param method the request method in upper case
 * @param path the decoded path, without the query
 * @param query the decoded query parameters, each with its values in order
 * @param headers the headers by lower-case name, the first value of each
 * @param body the request body, empty when none
 */
public record HttpCall(
    String method,
    String path,
    Map<String, List<String>> query,
    Map<String, String> headers,
    byte[] body) {

  public HttpCall {
    query = Map.copyOf(query);
    headers = Map.copyOf(headers);
    body = body.clone();
  }

  /** A header's value by name (any case), or null when absent. */
  public @Nullable String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  /** The first value of a query parameter, or null when absent. */
  public @Nullable String param(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The body as UTF-8 text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public byte[] body() {
    return body.clone();
  }
}
