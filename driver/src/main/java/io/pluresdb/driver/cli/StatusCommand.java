package io.pluresdb.driver.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pluresdb status ws://host:port --token T}: asks a running node (its {@code GET /status} on
 * the replication port) for its peers and prints each one's state, lag and parked transactions; the
 * exit code says whether everything received could be applied, so scripts and probes can alert on a
 * stall.
 */
@Command(
    name = "status",
    footerHeading = "%nExamples:%n",
    footer = {"  java -jar pluresdb.jar status ws://127.0.0.1:7777 --token s3cret"},
    description = "Show a running node's peers, their state, lag and parked transactions.",
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {
      "0:every transaction received was applied",
      "1:the node refused the request (e.g. a wrong or missing token)",
      "2:the node could not be reached",
      "3:transactions are parked: received but not applicable yet (see PARKED and the lines after"
          + " the table)"
    })
final class StatusCommand implements Callable<Integer> {
  /** Exit code when transactions are parked on the node. */
  static final int PARKED = 3;

  @Parameters(
      index = "0",
      paramLabel = "URL",
      description = "The node's replication address (default: ${DEFAULT-VALUE}).",
      defaultValue = "ws://127.0.0.1:7777")
  private URI node;

  @Option(names = "--token", description = "The node's token.")
  private String token;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintStream out = System.out;
    String scheme = "wss".equalsIgnoreCase(node.getScheme()) ? "https" : "http";
    URI page = URI.create(scheme + "://" + node.getRawAuthority() + "/status");
    HttpRequest.Builder req = HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(10));
    if (token != null) {
      req.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> res;
    try {
      res =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(5))
              .build()
              .send(req.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      out.println("cannot reach " + node + ": " + e.getMessage());
      return 2;
    }
    if (res.statusCode() != 200) {
      out.println(node + " refused: " + res.statusCode() + " " + res.body().trim());
      return 1;
    }
    JsonNode s = new ObjectMapper().readTree(res.body());
    out.println(
        "node "
            + s.path("node").asText()
            + ", database "
            + s.path("database").asText()
            + ", listening on "
            + s.path("listen").asText());
    JsonNode sessions = s.path("sessions");
    out.printf(
        Locale.ROOT,
        "sessions served: %d (at most %d), %d transactions delivered in the last second%n",
        sessions.path("count").asLong(),
        sessions.path("limit").asLong(),
        sessions.path("deliveries_per_second").asLong());
    JsonNode peers = s.path("peers");
    if (peers.isEmpty()) {
      out.println("no peers");
    }
    out.printf(
        Locale.ROOT,
        "%-14s %-28s %-7s %-12s %8s %8s %8s %8s %9s %8s  %s%n",
        "NODE",
        "ADDRESS",
        "ROLE",
        "STATE",
        "BEHIND",
        "SENT",
        "RECEIVED",
        "PARKED",
        "IN FLIGHT",
        "DELIV/S",
        "CLOSE REASON");
    for (JsonNode p : peers) {
      out.printf(
          Locale.ROOT,
          "%-14s %-28s %-7s %-12s %8d %8d %8d %8d %9d %8d  %s%n",
          p.path("node").asText("-"),
          p.path("address").asText("-"),
          p.path("role").asText("-"),
          p.path("state").asText(),
          p.path("behind").asLong(),
          p.path("sent").asLong(),
          p.path("received").asLong(),
          p.path("parked").asLong(),
          p.path("bytes_in_flight").asLong(),
          p.path("deliveries_per_second").asLong(),
          p.path("close_reason").isNull() ? "" : p.path("close_reason").asText());
    }
    return parked(s, out);
  }

  /** Prints what is parked, per peer node and in all; the exit code. */
  private static int parked(JsonNode s, PrintStream out) {
    for (JsonNode p : s.path("peers")) {
      if (p.path("parked").asLong() > 0) {
        out.printf(
            Locale.ROOT,
            "parked from node %s: %d, the oldest since %s: %s%n",
            p.path("node").asText("(unnamed)"),
            p.path("parked").asLong(),
            p.path("parked_since").asText(),
            p.path("parked_reason").asText());
      }
    }
    JsonNode all = s.path("parked");
    long count = all.path("count").asLong();
    if (count == 0) {
      return 0;
    }
    out.printf(
        Locale.ROOT,
        "%d transaction(s) parked: the oldest, %s, since %s: %s%n",
        count,
        all.path("tx").asText(),
        all.path("since").asText(),
        all.path("reason").asText());
    return PARKED;
  }
}
