package io.pluresdb.driver.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pluresdb.driver.jdbc.ConnectionImpl;
import io.pluresdb.jdbc.PluresConnection;
import io.pluresdb.jdbc.PluresDriver;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The console's endpoints over real loopback HTTP, on a node that listens with a token. */
@Timeout(180)
class ConsoleHttpTest {
  private static final String TOKEN = "console-secret";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private Connection node;
  private Console console;
  private String base;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    PluresDriver.register();
    String url = "jdbc:pluresdb:" + dir.resolve("node.db") + "?listen=127.0.0.1:0&token=" + TOKEN;
    node = DriverManager.getConnection(url);
    try (Statement s = node.createStatement()) {
      s.execute("CREATE TABLE album (id INTEGER PRIMARY KEY, title TEXT)");
      for (int i = 1; i <= 30; i++) {
        s.execute("INSERT INTO album VALUES (" + i + ", 'title " + i + "')");
      }
    }
    console =
        Console.start(
            node.unwrap(ConnectionImpl.class).httpRoutes(),
            TOKEN,
            () -> DriverManager.getConnection(url));
    base = "http://127.0.0.1:" + node.unwrap(PluresConnection.class).listenPort();
  }

  @AfterEach
  void stop() throws Exception {
    console.close();
    node.close();
  }

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String json, String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String[] bearer() {
    return new String[] {"Authorization", "Bearer " + TOKEN};
  }

  @Test
  void withoutTheTokenTheApiAnswers401AndNoData() throws Exception {
    for (String path : List.of("/console/api/tables", "/console/api/peers", "/console/api/rows")) {
      HttpResponse<String> res = get(path);
      assertThat(res.statusCode()).as(path).isEqualTo(401);
      assertThat(res.body()).doesNotContain("album");
    }
    assertThat(get("/console/api/tables", "Authorization", "Bearer wrong").statusCode())
        .isEqualTo(401);
    assertThat(post("/console/api/sql", "{\"sql\":\"SELECT * FROM album\"}").statusCode())
        .isEqualTo(401);
    assertThat(post("/console/api/login", "{\"token\":\"wrong\"}").statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(get("/console/api/session").body()).get("admitted").asBoolean())
        .isFalse();
  }

  @Test
  void loggingInSetsACookieThatAdmitsTheBrowser() throws Exception {
    HttpResponse<String> login = post("/console/api/login", "{\"token\":\"" + TOKEN + "\"}");
    assertThat(login.statusCode()).isEqualTo(200);
    String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict");
    String session = cookie.substring(0, cookie.indexOf(';'));

    HttpResponse<String> tables = get("/console/api/tables", "Cookie", session);
    assertThat(tables.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(tables.body()).get("tables").toString()).contains("\"album\"");

    post("/console/api/logout", "{}", "Cookie", session);
    assertThat(get("/console/api/tables", "Cookie", session).statusCode()).isEqualTo(401);
  }

  @Test
  void theTableBrowserPagesThroughRows() throws Exception {
    JsonNode first = JSON.readTree(get("/console/api/rows?table=album&limit=25", bearer()).body());
    assertThat(first.get("columns").toString()).isEqualTo("[\"id\",\"title\"]");
    assertThat(first.get("rows")).hasSize(25);
    assertThat(first.get("more").asBoolean()).isTrue();
    JsonNode second =
        JSON.readTree(get("/console/api/rows?table=album&offset=25&limit=25", bearer()).body());
    assertThat(second.get("rows")).hasSize(5);
    assertThat(second.get("rows").get(4).toString()).isEqualTo("[30,\"title 30\"]");
    assertThat(second.get("more").asBoolean()).isFalse();

    HttpResponse<String> missing = get("/console/api/rows?table=nope", bearer());
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(missing.body()).at("/error/sqlState").asText()).isEqualTo("42P01");
  }

  @Test
  void theSqlBoxShowsRowsUpdateCountsAndErrorsWithTheirSqlState() throws Exception {
    JsonNode rows =
        JSON.readTree(
            post("/console/api/sql", "{\"sql\":\"SELECT count(*) AS n FROM album\"}", bearer())
                .body());
    assertThat(rows.get("columns").toString()).isEqualTo("[\"n\"]");
    assertThat(rows.get("rows").toString()).isEqualTo("[[30]]");

    JsonNode update =
        JSON.readTree(
            post("/console/api/sql", "{\"sql\":\"DELETE FROM album WHERE id > 20\"}", bearer())
                .body());
    assertThat(update.get("updateCount").asInt()).isEqualTo(10);

    HttpResponse<String> bad =
        post("/console/api/sql", "{\"sql\":\"SELECT * FROM no_such_table\"}", bearer());
    assertThat(bad.statusCode()).isEqualTo(400);
    JsonNode error = JSON.readTree(bad.body()).get("error");
    assertThat(error.get("sqlState").asText()).isEqualTo("42P01");
    assertThat(error.get("message").asText()).contains("no_such_table");
  }

  @Test
  void thePeerHistoryIsSampledAndBounded() throws Exception {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                JSON.readTree(get("/console/api/peers", bearer()).body()).get("samples").size()
                    >= 2);
    JsonNode snap = JSON.readTree(get("/console/api/peers", bearer()).body());
    assertThat(snap.get("samples").size()).isLessThanOrEqualTo(PeerHistory.WINDOW);
    assertThat(snap.has("parked")).isTrue();
    assertThat(snap.get("samples").get(0).get("at").asLong()).isPositive();
  }

  @Test
  void aLiveQueryStreamsItsRowsAndThenEachChange() throws Exception {
    String sql =
        URLEncoder.encode("SELECT id, title FROM album WHERE id > 29", StandardCharsets.UTF_8);
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(base + "/console/api/live?sql=" + sql))
            .header("Authorization", "Bearer " + TOKEN)
            .build();
    HttpResponse<InputStream> res = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/event-stream");
    List<String> data = new CopyOnWriteArrayList<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(new InputStreamReader(res.body(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                  if (line.startsWith("data: ")) {
                    data.add(line.substring("data: ".length()));
                  }
                }
              } catch (java.io.IOException e) {
                // the stream is closed when the test ends
              }
            });
    reader.setDaemon(true);
    reader.start();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> data.stream().anyMatch(d -> d.contains("INITIAL") && d.contains("title 30")));
    try (Statement s = node.createStatement()) {
      s.execute("INSERT INTO album VALUES (31, 'fresh')");
      s.execute("UPDATE album SET title = 'renamed' WHERE id = 30");
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> data.stream().anyMatch(d -> d.contains("INSERT") && d.contains("fresh")));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> data.stream().anyMatch(d -> d.contains("UPDATE") && d.contains("renamed")));
    res.body().close();
  }

  @Test
  void aLiveQueryThatDoesNotCompileEndsWithItsSqlState() throws Exception {
    String sql = URLEncoder.encode("SELECT * FROM nowhere", StandardCharsets.UTF_8);
    HttpResponse<String> res = get("/console/api/live?sql=" + sql, bearer());
    assertThat(res.body()).contains("event: failure").contains("42P01");
  }

  @Test
  void thePageAndItsLibrariesAreServedFromTheJar() throws Exception {
    HttpResponse<String> redirect = get("/console");
    assertThat(redirect.statusCode()).isEqualTo(302);
    HttpResponse<String> page = get("/console/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("importmap").doesNotContain("album");
    for (String lib : List.of("app.js", "lib/preact.js", "lib/hooks.js", "lib/uplot.js")) {
      HttpResponse<String> res = get("/console/" + lib);
      assertThat(res.statusCode()).as(lib).isEqualTo(200);
      assertThat(res.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("text/javascript");
    }
    assertThat(get("/console/../../etc/passwd").statusCode()).isEqualTo(404);
    assertThat(get("/status", bearer()).statusCode()).isEqualTo(200);
  }
}
