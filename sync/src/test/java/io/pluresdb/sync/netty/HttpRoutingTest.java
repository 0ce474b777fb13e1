package io.pluresdb.sync.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.pluresdb.sync.http.EventStream;
import io.pluresdb.sync.http.HttpCall;
import io.pluresdb.sync.http.HttpReply;
import io.pluresdb.sync.http.HttpRoute;
import io.pluresdb.sync.http.HttpRoutes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpRoutingTest {
  private final List<HttpCall> calls = new ArrayList<>();
  private final List<EventStream> streams = new ArrayList<>();

  private final HttpRoute echo =
      new HttpRoute() {
        @Override
        public boolean accepts(String path) {
          return path.startsWith("/app/");
        }

        @Override
        public void handle(HttpCall call, HttpReply reply) {
          calls.add(call);
          if (call.path().equals("/app/events")) {
            streams.add(reply.stream());
          } else {
            reply.send(200, "text/plain", Map.of("X-Route", "app"), call.body());
          }
        }
      };

  private static FullHttpRequest request(HttpMethod method, String uri, String body) {
    FullHttpRequest req =
        new DefaultFullHttpRequest(
            HttpVersion.HTTP_1_1, method, uri, Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
    req.headers().set("Authorization", "Bearer t");
    return req;
  }

  private EmbeddedChannel channel(HttpRoutes routes) {
    EmbeddedChannel ch = new EmbeddedChannel(new HttpRouting(routes));
    ch.pipeline().addLast(new RequestDeadline(Duration.ofMinutes(5)));
    return ch;
  }

  @Test
  void aMountedRouteAnswersItsPathsAndLiftsTheUpgradeDeadline() {
    HttpRoutes routes = new HttpRoutes();
    routes.mount(echo);
    EmbeddedChannel ch = channel(routes);

    ch.writeInbound(request(HttpMethod.POST, "/app/x?a=1&a=2", "hello"));

    assertThat(calls).hasSize(1);
    HttpCall call = calls.get(0);
    assertThat(call.method()).isEqualTo("POST");
    assertThat(call.path()).isEqualTo("/app/x");
    assertThat(call.query().get("a")).containsExactly("1", "2");
    assertThat(call.header("AUTHORIZATION")).isEqualTo("Bearer t");
    FullHttpResponse res = ch.readOutbound();
    assertThat(res.status().code()).isEqualTo(200);
    assertThat(res.headers().get("X-Route")).isEqualTo("app");
    assertThat(res.headers().get("Connection")).isEqualTo("close");
    assertThat(res.content().toString(StandardCharsets.UTF_8)).isEqualTo("hello");
    res.release();
    assertThat(ch.pipeline().get(RequestDeadline.class)).isNull();
    assertThat(ch.isOpen()).isFalse(); // closed after the whole response
  }

  @Test
  void otherPathsGoOnToTheWebSocketHandshake() {
    HttpRoutes routes = new HttpRoutes();
    routes.mount(echo);
    EmbeddedChannel ch = channel(routes);

    ch.writeInbound(request(HttpMethod.GET, "/", ""));

    assertThat(calls).isEmpty();
    FullHttpRequest passed = ch.readInbound();
    assertThat(passed.uri()).isEqualTo("/");
    passed.release();
    assertThat(ch.pipeline().get(RequestDeadline.class)).isNotNull();
  }

  @Test
  void anUnmountedRouteNoLongerAnswers() throws Exception {
    HttpRoutes routes = new HttpRoutes();
    routes.mount(echo).close();
    EmbeddedChannel ch = channel(routes);

    ch.writeInbound(request(HttpMethod.GET, "/app/x", ""));

    assertThat(calls).isEmpty();
    FullHttpRequest passed = ch.readInbound();
    passed.release();
  }

  @Test
  void aStreamSendsServerSentEventsUntilItCloses() {
    HttpRoutes routes = new HttpRoutes();
    routes.mount(echo);
    EmbeddedChannel ch = channel(routes);
    List<String> closed = new ArrayList<>();

    ch.writeInbound(request(HttpMethod.GET, "/app/events", ""));
    EventStream stream = streams.get(0);
    stream.onClose(() -> closed.add("closed"));
    assertThat(stream.send("changes", "{\"a\":1}\nsecond line")).isTrue();

    HttpResponse head = ch.readOutbound();
    assertThat(head.headers().get("Content-Type")).startsWith("text/event-stream");
    DefaultHttpContent event = ch.readOutbound();
    assertThat(event.content().toString(StandardCharsets.UTF_8))
        .isEqualTo("event: changes\ndata: {\"a\":1}\ndata: second line\n\n");
    event.release();
    assertThat(closed).isEmpty();

    stream.close();
    assertThat(ch.isOpen()).isFalse();
    assertThat(closed).containsExactly("closed");
    assertThat(stream.send("changes", "{}")).isFalse();
  }
}
