package io.pluresdb.bench;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fan-out benchmark's clients in a process of their own: N {@link CountingPeer}s connected to
 * one URL. A process holds at most one end of each connection, so 10,000 clients fit in the open
 * files a process may have (both ends in one process would need 20,000), and the hub's process
 * holds only its own sessions, so its memory per session can be read off it.
 *
 * <p>The parent asks on standard input: {@code await N} is answered {@code ok} on standard output
 * once the clients have counted N transactions in all; end of input ends the process.
 */
final class FanOutClients implements AutoCloseable {
  private final Process process;
  private final BufferedReader replies;
  private final PrintWriter asks;

  /** Starts the clients of {@code url} in a new JVM on this one's class path. */
  FanOutClients(URI url, int clients, String database) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> cmd = new ArrayList<>();
    cmd.add(java.toString());
    cmd.add("-Xmx1g");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(FanOutClients.class.getName());
    cmd.add(url.toString());
    cmd.add(Integer.toString(clients));
    cmd.add(database);
    process =
        new ProcessBuilder(cmd)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .start();
    replies =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    asks =
        new PrintWriter(
            new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
  }

  /** Returns once the clients have counted {@code total} transactions in all. */
  void await(long total) throws IOException {
    asks.println("await " + total);
    String reply = replies.readLine();
    if (!"ok".equals(reply)) {
      throw new IllegalStateException("the clients' process answered " + reply);
    }
  }

  @Override
  public void close() throws InterruptedException {
    asks.close();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  public static void main(String[] args) throws Exception {
    URI url = URI.create(args[0]);
    int clients = Integer.parseInt(args[1]);
    String database = args.length > 2 ? args[2] : "";
    EventLoopGroup io = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    AtomicLong delivered = new AtomicLong();
    try {
      FanOutBench.connect(io, pool, url, clients, database, delivered);
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        long target = Long.parseLong(line.substring("await ".length()).trim());
        FanOutBench.await(() -> delivered.get() >= target, "deliveries");
        System.out.println("ok");
        System.out.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      io.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
      pool.shutdownNow();
    }
  }
}
