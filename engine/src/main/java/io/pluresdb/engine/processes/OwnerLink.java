package io.pluresdb.engine.processes;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.op.SchemaJson;
import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.engine.api.BatchResult;
import io.pluresdb.engine.api.Result;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A follower session's connection to the owner's {@link OwnerEndpoint}: sends one request at a time
 * and reads its reply, which also says whether the owner's session now holds an open transaction. A
 * broken connection fails as {@link OwnerLoss} says and stays broken.
 *
 * <p>Not thread-safe: used by its follower session's one caller at a time; {@link #close} and
 * {@link #cancel} from any thread.
 */
final class OwnerLink implements AutoCloseable {
  private static final int CONNECT_TIMEOUT_MS = 30_000;

  private final Socket socket;
  private final LockNote note;
  private final String database;
  private long sessionKey;
  private boolean inTransaction;
  private boolean autoCommit = true;
  private volatile boolean busy;
  private volatile boolean broken;

  private OwnerLink(Socket socket, LockNote note, String database) {
    this.socket = socket;
    this.note = note;
    this.database = database;
  }

  /** Connects to the owner that {@code note} names and presents its secret. */
  static OwnerLink connect(LockNote note, String database) throws SQLException {
    Socket s = new Socket();
    try {
      OwnerLink link = new OwnerLink(s, note, database);
      link.sessionKey = greet(s, note, ForwardedSession.HELLO, 0).readLong();
      return link;
    } catch (IOException e) {
      try {
        s.close();
      } catch (IOException closing) {
        e.addSuppressed(closing);
      }
      throw Errors.of(
          SqlState.CLIENT_UNABLE_TO_CONNECT,
          "cannot reach the process that owns database " + database + ": " + e.getMessage(),
          e);
    }
  }

  /**
   * Connects {@code s} to the owner that {@code note} names and opens a connection of {@code kind}
   * (a {@link ForwardedSession} constant) with its hello; returns the rest of the owner's reply.
   */
  static DataInputStream greet(Socket s, LockNote note, int kind, long key) throws IOException {
    s.connect(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), note.port()), CONNECT_TIMEOUT_MS);
    s.setTcpNoDelay(true);
    Wire.Frame hello = new Wire.Frame(kind);
    hello.writeInt(Wire.VERSION);
    hello.write(note.secret());
    if (kind == ForwardedSession.CANCEL) {
      hello.writeLong(key);
    }
    hello.send(s.getOutputStream());
    byte[] reply = Wire.readFrameBytes(s.getInputStream(), Wire.MAX_FRAME);
    if (reply == null || reply.length < 1 || reply[0] != Replies.DONE) {
      throw new IOException("the owner refused the lock file's secret");
    }
    return new DataInputStream(new ByteArrayInputStream(reply, 1, reply.length - 1));
  }

  /**
   * Cancels the statement this link waits on, if any, through a connection of its own (this one is
   * busy carrying the statement); the owner cancels it as {@code Statement.cancel} does locally.
   */
  void cancel() {
    if (!busy || broken) {
      return;
    }
    try (Socket s = new Socket()) {
      greet(s, note, ForwardedSession.CANCEL, sessionKey);
    } catch (IOException e) {
      // the owner is gone, and with it the statement: nothing is left to cancel
    }
  }

  /** Gives the owner's session this connection's settings; a failure closes the link. */
  void mirror(boolean autoCommit, boolean readOnly, @Nullable Duration writerWait)
      throws SQLException {
    try {
      if (!autoCommit) {
        control(ForwardedSession.AUTO_COMMIT, false);
      }
      if (readOnly) {
        control(ForwardedSession.READ_ONLY, true);
      }
      if (writerWait != null) {
        writerWait(writerWait);
      }
    } catch (SQLException e) {
      close();
      throw e;
    }
  }

  /** True while the owner's session holds uncommitted forwarded writes. */
  boolean inTransaction() {
    return inTransaction;
  }

  boolean broken() {
    return broken;
  }

  Result execute(
      String sql,
      List<Object> params,
      @Nullable List<String> keys,
      int timeoutSeconds,
      long maxRows)
      throws SQLException {
    try {
      Wire.Frame f = new Wire.Frame(ForwardedSession.EXECUTE);
      Wire.writeString(f, sql);
      Wire.writeValues(f, params);
      Wire.writeStrings(f, keys);
      f.writeInt(timeoutSeconds);
      f.writeLong(maxRows);
      return Replies.readResult(call(f));
    } catch (IOException e) {
      throw gone(0, false, e);
    }
  }

  BatchResult batch(
      String sql, List<List<Object>> rows, @Nullable List<String> keys, int timeoutSeconds)
      throws SQLException {
    try {
      Wire.Frame f = new Wire.Frame(ForwardedSession.BATCH);
      Wire.writeString(f, sql);
      Wire.writeStrings(f, keys);
      f.writeInt(timeoutSeconds);
      f.writeInt(rows.size());
      for (List<Object> row : rows) {
        Wire.writeValues(f, row);
      }
      return Replies.readBatch(call(f));
    } catch (IOException e) {
      throw gone(0, false, e);
    }
  }

  /** Sends auto-commit, read-only, commit or rollback ({@link ForwardedSession}'s constants). */
  void control(int op, boolean on) throws SQLException {
    try {
      Wire.Frame f = new Wire.Frame(op);
      if (op == ForwardedSession.AUTO_COMMIT || op == ForwardedSession.READ_ONLY) {
        f.writeBoolean(on);
      }
      Replies.readDone(call(f));
      if (op == ForwardedSession.AUTO_COMMIT) {
        autoCommit = on;
      }
    } catch (IOException e) {
      throw gone(0, false, e);
    }
  }

  /** The schema the owner's session sees now, its open transaction's DDL included. */
  Catalog catalog() throws SQLException {
    try {
      DataInputStream in = call(new Wire.Frame(ForwardedSession.CATALOG));
      Replies.readDone(in);
      return SchemaJson.readCatalog(Wire.readString(in));
    } catch (IOException | IllegalArgumentException e) {
      throw gone(0, false, e instanceof IOException io ? io : new IOException(e.getMessage(), e));
    }
  }

  void writerWait(Duration wait) throws SQLException {
    try {
      Wire.Frame f = new Wire.Frame(ForwardedSession.WRITER_WAIT);
      f.writeLong(wait.toMillis());
      Replies.readDone(call(f));
    } catch (IOException e) {
      throw gone(0, false, e);
    }
  }

  /** Sends a request and returns its reply without the trailing transaction flag. */
  private DataInputStream call(Wire.Frame request) throws SQLException {
    int op = request.op();
    if (broken) {
      throw gone(op, false, new IOException("the connection broke earlier"));
    }
    boolean sent = false;
    busy = true;
    try {
      request.send(socket.getOutputStream());
      sent = true;
      byte[] reply = Wire.readFrameBytes(socket.getInputStream(), Wire.MAX_FRAME);
      if (reply == null || reply.length < 2) {
        throw new IOException("the owner closed the connection");
      }
      inTransaction = reply[reply.length - 1] != 0;
      return new DataInputStream(new ByteArrayInputStream(reply, 0, reply.length - 1));
    } catch (IOException e) {
      throw gone(op, sent, e);
    } finally {
      busy = false;
    }
  }

  private SQLException gone(int op, boolean sent, IOException e) {
    SQLException loss = OwnerLoss.of(database, op, sent, inTransaction, autoCommit, e);
    broken = true;
    inTransaction = false;
    close();
    return loss;
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing a socket the other side already closed changes nothing
    }
  }
}
