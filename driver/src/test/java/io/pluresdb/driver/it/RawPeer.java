package io.pluresdb.driver.it;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.op.OpKind;
import io.pluresdb.crdt.op.Operation;
import io.pluresdb.crdt.op.ReceivedTx;
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
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A peer that speaks the replication protocol by hand over a real WebSocket, built from the sync
 * module's message classes, so a test can send what no store would: a transaction whose node's
 * previous transaction never came.
 *
 * <p>Thread-safe: frames arrive on the HTTP client's thread into a blocking queue.
 */
public final class RawPeer implements AutoCloseable {
  private static final Duration WAIT = Duration.ofSeconds(60);

  private final WebSocket ws;
  private final BlockingQueue<Object> received;

  /** A close frame from the server: its status code and reason. */
  public record Closed(int code, String reason) {}

  private RawPeer(WebSocket ws, BlockingQueue<Object> received) {
    this.ws = ws;
    this.received = received;
  }

  /** Connects to a node's replication port and says hello as node {@code node}. */
  public static RawPeer connect(int port, String token, String node, String databaseId)
      throws Exception {
    BlockingQueue<Object> q = new LinkedBlockingQueue<>();
    WebSocket ws =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .connectTimeout(WAIT)
            .buildAsync(URI.create("ws://127.0.0.1:" + port + "/"), new Collector(q))
            .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    RawPeer p = new RawPeer(ws, q);
    p.send(
        new Message.Hello(
            MessageCodec.MIN_VERSION,
            MessageCodec.MAX_VERSION,
            node,
            databaseId,
            true,
            token,
            VersionVector.empty()));
    Object welcome = p.next(Message.Welcome.class);
    if (!(welcome instanceof Message.Welcome)) {
      throw new AssertionError("the node refused the hello: " + welcome);
    }
    return p;
  }

  public void send(Message m) {
    ws.sendBinary(ByteBuffer.wrap(MessageCodec.encode(m)), true).join();
  }

  /** Waits for the next message of {@code type} (skipping others) or a close, whichever first. */
  public Object next(Class<?> type) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      Object o = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (o == null) {
        throw new AssertionError("nothing of type " + type.getSimpleName() + " within " + WAIT);
      }
      if (type.isInstance(o) || o instanceof Closed) {
        return o;
      }
    }
  }

  /**
   * Node {@code node}'s {@code index}-th transaction (from 0), each after the one before: inserts
   * row {@code id} into {@code table(id, v)}.
   */
  public static ReceivedTx chained(long node, long t0, int index, String table, long id) {
    Transaction tx =
        new Transaction(
            OpId.of(t0, index * 10, node),
            index == 0 ? null : OpId.of(t0, (index - 1) * 10, node),
            List.of(
                new Operation(
                    OpId.of(t0, index * 10 + 1, node),
                    OpKind.INSERT,
                    table,
                    new Object[] {id},
                    new String[] {"id", "v"},
                    new Object[] {id, "sent by hand"},
                    List.of(),
                    null)));
    return ReceivedTx.encode(tx);
  }

  @Override
  public void close() {
    ws.abort();
  }

  /** Gathers binary frames (which may come in parts) into messages, and the close frame. */
  private static final class Collector implements WebSocket.Listener {
    private final BlockingQueue<Object> out;
    private final ByteArrayOutputStream parts = new ByteArrayOutputStream();

    Collector(BlockingQueue<Object> out) {
      this.out = out;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket w, ByteBuffer data, boolean last) {
      byte[] b = new byte[data.remaining()];
      data.get(b);
      parts.writeBytes(b);
      if (last) {
        try {
          Message m = MessageCodec.decode(parts.toByteArray());
          if (m instanceof Message.Ping) {
            // answered, so the node's idle timeout never ends a slow test
            w.sendBinary(ByteBuffer.wrap(MessageCodec.encode(new Message.Pong())), true);
          }
          out.add(m);
        } catch (ProtocolException e) {
          out.add(e);
        }
        parts.reset();
      }
      w.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket w, int code, String reason) {
      out.add(new Closed(code, reason));
      return CompletableFuture.completedFuture(null);
    }
  }
}
