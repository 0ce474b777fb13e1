package io.pluresdb.tck.sync;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.op.OpKind;
import io.pluresdb.crdt.op.Operation;
import io.pluresdb.crdt.op.Transaction;
import io.pluresdb.crdt.op.VersionVector;
import io.pluresdb.sync.protocol.Message;
import io.pluresdb.sync.protocol.MessageCodec;
import io.pluresdb.sync.protocol.ProtocolException;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * A peer that holds the shared token and lies about authorship: it speaks the replication protocol
 * over a plain JDK WebSocket, takes a real node's last transaction from the hub's welcome, and
 * sends one transaction stamped with that node's id and a time inside the clock-drift allowance.
 *
 * <p>Not thread-safe: one test drives it; the WebSocket's callbacks complete its futures.
 */
public final class Forger implements AutoCloseable {
  /** How the hub ended the forger's session. */
  public record Closed(int status, String reason) {}

  private final CompletableFuture<Message.Welcome> welcome = new CompletableFuture<>();
  private final CompletableFuture<Closed> closed = new CompletableFuture<>();
  private final WebSocket ws;

  private Forger(int port) throws Exception {
    this.ws =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(URI.create("ws://127.0.0.1:" + port + "/"), new Listener())
            .get(Cluster.CONVERGE.toSeconds(), TimeUnit.SECONDS);
  }

  /** Connects to the hub at {@code port} as a fresh node with the shared token. */
  public static Forger connect(int port) throws Exception {
    Forger f = new Forger(port);
    f.send(
        new Message.Hello(
            MessageCodec.MIN_VERSION,
            MessageCodec.MAX_VERSION,
            "00000000f0f0",
            UUID.randomUUID().toString(),
            false,
            Cluster.TOKEN,
            VersionVector.empty()));
    return f;
  }

  /** The hub's welcome (its version vector names the victim's last transaction). */
  public Message.Welcome welcome() throws Exception {
    return welcome.get(Cluster.CONVERGE.toSeconds(), TimeUnit.SECONDS);
  }

  /**
   * A transaction of {@code victim} (a 48-bit node id) that follows the victim's last transaction
   * the hub holds, stamped {@code aheadMillis} in the future: it inserts {@code (k, v)} into {@code
   * table(k, v)}.
   */
  public Transaction forge(long victim, long aheadMillis, String table, long k, String v)
      throws Exception {
    OpId prev = welcome().versionVector().lastOf(victim);
    long millis = System.currentTimeMillis() + aheadMillis;
    OpId tx = OpId.of(millis, 0, victim);
    Operation insert =
        new Operation(
            OpId.of(millis, 1, victim),
            OpKind.INSERT,
            table,
            new Object[] {k},
            new String[] {"k", "v"},
            new Object[] {k, v},
            List.of(),
            null);
    return new Transaction(tx, prev, List.of(insert));
  }

  /** Sends one batch holding {@code record} (the first batch of the session). */
  public void sendBatch(byte[] record) throws Exception {
    send(new Message.Batch(1, List.of(record)));
  }

  /** How the hub closed the session. */
  public Closed closed() throws Exception {
    return closed.get(Cluster.CONVERGE.toSeconds(), TimeUnit.SECONDS);
  }

  private void send(Message m) throws Exception {
    ws.sendBinary(ByteBuffer.wrap(MessageCodec.encode(m)), true)
        .get(Cluster.CONVERGE.toSeconds(), TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    ws.abort();
  }

  /** Collects whole frames; keeps only the welcome and the close status. */
  private final class Listener implements WebSocket.Listener {
    private final ByteArrayOutputStream frame = new ByteArrayOutputStream();

    @Override
    public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
      byte[] part = new byte[data.remaining()];
      data.get(part);
      frame.writeBytes(part);
      if (last) {
        try {
          if (MessageCodec.decode(frame.toByteArray()) instanceof Message.Welcome w) {
            welcome.complete(w);
          }
        } catch (ProtocolException e) {
          welcome.completeExceptionally(e);
        }
        frame.reset();
      }
      socket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
      closed.complete(new Closed(status, reason));
      welcome.completeExceptionally(new IllegalStateException("closed: " + reason));
      return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
      closed.completeExceptionally(error);
      welcome.completeExceptionally(error);
    }
  }
}
