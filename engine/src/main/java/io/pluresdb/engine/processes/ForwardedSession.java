package io.pluresdb.engine.processes;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.op.SchemaJson;
import io.pluresdb.engine.api.Engine;
import io.pluresdb.engine.api.Session;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One follower connection on the owner: after a hello that carries the lock file's secret, each
 * request runs in a session of the owner's engine opened for this connection, so a forwarded
 * transaction, its generated keys, counts and errors are exactly those of a local connection. Two
 * other hellos open a connection that cancels the statement of another one (named by the key its
 * hello was answered with), or one that streams the owner's notifications ({@link
 * NotificationFeed}). Input that does not authenticate or does not parse closes the connection (and
 * with it the session, whose open transaction rolls back) without running anything or writing any
 * reply.
 *
 * <p>Not thread-safe: runs on its own thread from start to end.
 */
final class ForwardedSession {
  private static final Logger LOG = LoggerFactory.getLogger(ForwardedSession.class);
  private static final int HELLO_TIMEOUT_MS = 60_000;
  private static final int HELLO_BYTES = 1 + 4 + LockNote.SECRET_BYTES;

  static final int HELLO = 'H';
  static final int CANCEL = 'Z';
  static final int NOTIFICATIONS = 'L';
  static final int CATALOG = 'G';
  static final int EXECUTE = 'E';
  static final int BATCH = 'B';
  static final int AUTO_COMMIT = 'A';
  static final int READ_ONLY = 'R';
  static final int WRITER_WAIT = 'W';
  static final int COMMIT = 'C';
  static final int ROLLBACK = 'X';

  private final Socket socket;
  private final Engine engine;
  private final OwnerEndpoint endpoint;
  private final byte[] secret;

  ForwardedSession(Socket socket, Engine engine, OwnerEndpoint endpoint, byte[] secret) {
    this.socket = socket;
    this.engine = engine;
    this.endpoint = endpoint;
    this.secret = secret;
  }

  void run() {
    try (socket) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      socket.setSoTimeout(HELLO_TIMEOUT_MS);
      socket.setTcpNoDelay(true); // one small reply per request: never wait to coalesce
      // a stranger's first frame is not worth more than a hello's few bytes of memory
      DataInputStream hello = Wire.readFrame(in, HELLO_BYTES + 8);
      int kind = admitted(hello);
      if (hello == null || kind < 0) {
        LOG.debug("refused a connection to {} without the lock file's secret", engine.target());
        return;
      }
      socket.setSoTimeout(0);
      if (kind == CANCEL) {
        endpoint.cancel(hello.readLong());
        new Wire.Frame(Replies.DONE).send(out);
      } else if (kind == NOTIFICATIONS) {
        new Wire.Frame(Replies.DONE).send(out);
        endpoint.feed().stream(out);
      } else {
        serve(in, out);
      }
    } catch (IOException e) {
      LOG.debug("a forwarding connection to {} ended: {}", engine.target(), e.toString());
    } catch (SQLException | RuntimeException e) {
      LOG.warn("a forwarding connection to {} failed", engine.target(), e);
    }
  }

  /** Runs the requests of a session opened for this connection until the follower closes it. */
  private void serve(InputStream in, OutputStream out) throws IOException, SQLException {
    try (Session session = engine.openSession()) {
      long key = endpoint.register(session);
      try {
        Wire.Frame ready = new Wire.Frame(Replies.DONE);
        ready.writeLong(key);
        ready.send(out);
        DataInputStream request;
        while ((request = Wire.readFrame(in)) != null) {
          reply(session, request).send(out);
        }
      } finally {
        endpoint.unregister(key);
      }
    }
  }

  /** The kind of connection a hello opens ({@link #HELLO}, {@link #CANCEL}...), or -1. */
  private int admitted(@Nullable DataInputStream hello) throws IOException {
    if (hello == null) {
      return -1;
    }
    int kind = hello.read();
    int rest = 4 + LockNote.SECRET_BYTES + (kind == CANCEL ? 8 : 0);
    if ((kind != HELLO && kind != CANCEL && kind != NOTIFICATIONS) || hello.available() != rest) {
      return -1;
    }
    int version = hello.readInt();
    byte[] given = new byte[LockNote.SECRET_BYTES];
    hello.readFully(given);
    return MessageDigest.isEqual(given, secret) && version == Wire.VERSION ? kind : -1;
  }

  /** Parses a whole request first (a malformed one throws before anything runs), then runs it. */
  private Wire.Frame reply(Session session, DataInputStream in) throws IOException, SQLException {
    int op = in.read();
    Request r = parse(op, in);
    if (in.available() != 0) {
      throw new Wire.Malformed(in.available() + " bytes after request " + op);
    }
    Wire.Frame reply;
    try {
      reply = r.run(session);
    } catch (SQLException e) {
      reply = Replies.failure(e);
    } catch (RuntimeException e) {
      reply = Replies.failure(Errors.of(SqlState.INTERNAL_ERROR, "forwarded statement: " + e, e));
    }
    reply.writeBoolean(session.inTransaction());
    return reply;
  }

  /** A parsed request, run against the connection's session. */
  private interface Request {
    Wire.Frame run(Session s) throws SQLException, IOException;
  }

  // Session and Result take null for "no generated keys", as their javadoc says, but are not
  // annotated
  @SuppressWarnings("NullAway")
  private static Request parse(int op, DataInputStream in) throws IOException {
    switch (op) {
      case EXECUTE -> {
        String sql = Wire.readString(in);
        List<Object> params = Wire.readValues(in);
        List<String> keys = Wire.readStrings(in);
        int timeout = in.readInt();
        long maxRows = in.readLong();
        return s -> Replies.result(s.execute(s.prepare(sql), params, keys, timeout, maxRows));
      }
      case BATCH -> {
        String sql = Wire.readString(in);
        List<String> keys = Wire.readStrings(in);
        int timeout = in.readInt();
        int n = Wire.readCount(in);
        List<List<Object>> rows = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          rows.add(Wire.readValues(in));
        }
        return s -> Replies.batch(s.executeBatch(s.prepare(sql), rows, keys, timeout));
      }
      case AUTO_COMMIT, READ_ONLY -> {
        boolean on = in.readBoolean();
        return s -> {
          if (op == AUTO_COMMIT) {
            s.setAutoCommit(on);
          } else {
            s.setReadOnly(on);
          }
          return new Wire.Frame(Replies.DONE);
        };
      }
      case WRITER_WAIT -> {
        long millis = in.readLong();
        return s -> {
          s.setWriterWait(Duration.ofMillis(millis));
          return new Wire.Frame(Replies.DONE);
        };
      }
      case CATALOG -> {
        return s -> {
          Wire.Frame f = new Wire.Frame(Replies.DONE);
          Wire.writeString(f, SchemaJson.write(s.catalog()));
          return f;
        };
      }
      case COMMIT, ROLLBACK -> {
        return s -> {
          if (op == COMMIT) {
            s.commit();
          } else {
            s.rollback();
          }
          return new Wire.Frame(Replies.DONE);
        };
      }
      default -> throw new Wire.Malformed("request " + op);
    }
  }
}
