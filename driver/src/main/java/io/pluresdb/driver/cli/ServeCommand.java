package io.pluresdb.driver.cli;

import io.pluresdb.driver.console.Console;
import io.pluresdb.driver.jdbc.ConnectionImpl;
import io.pluresdb.jdbc.PluresConnection;
import io.pluresdb.jdbc.PluresDriver;
import io.pluresdb.sync.http.HttpRoutes;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pluresdb serve}: a durable hub node. Opens the database with a listener, prints where it
 * listens and who it is, then a line whenever its live peers, the transactions they sent or the
 * transactions its peers still lack (catch-up backlog) change, until Ctrl-C or SIGTERM, when it
 * closes the database cleanly. Its web console is served on the same port, at {@code /console/}.
 */
@Command(
    name = "serve",
    footerHeading = "%nExamples:%n",
    footer = {
      "  java -jar pluresdb.jar serve --db ./hub.db --port 7777 --token s3cret",
      "  java -jar pluresdb.jar serve --db ./hub.db --port 7777 --jwt-secret-file secret.key",
      "  java -jar pluresdb.jar serve --db ./hub.db --port 7778 --token s3cret --keystore hub.p12 --keystore-password pw",
      "  java -jar pluresdb.jar serve --store postgresql://db.internal:5432/plures --port 7777 --token s3cret"
    },
    description = "Run a hub node that peers replicate through.")
final class ServeCommand implements Callable<Integer> {
  private static final long REFRESH_MILLIS = 1000;

  @Option(
      names = "--db",
      paramLabel = "FILE",
      description = "Database file (default: ${DEFAULT-VALUE}).",
      defaultValue = "pluresdb.db")
  private Path db;

  @Option(
      names = "--port",
      description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).",
      defaultValue = "7777")
  private int port;

  @Option(
      names = "--host",
      description =
          "Address to listen on (default: ${DEFAULT-VALUE}); any other than loopback needs"
              + " --token.",
      defaultValue = "127.0.0.1")
  private String host;

  @Option(
      names = "--store",
      paramLabel = "URI",
      description =
          "Keep the hub's store in PostgreSQL (postgresql://host:5432/db), shared by every hub"
              + " serving it; the hub's own copy is then in memory, and --db is not used.")
  private String store;

  @Option(
      names = "--store-user",
      description = "PostgreSQL role (default: the URI's, else $PGUSER).")
  private String storeUser;

  @Option(
      names = "--store-password",
      description = "PostgreSQL password (default: the URI's, else $PGPASSWORD).")
  private String storePassword;

  @Option(names = "--token", description = "Shared secret peers must present.")
  private String token;

  @Option(
      names = "--jwt-secret-file",
      paramLabel = "FILE",
      description = "HS256 secret that verifies users' JWTs; their writes meet row policies.")
  private Path jwtSecretFile;

  @Option(
      names = "--jwks",
      paramLabel = "FILE",
      description = "JWKS of the RS256/ES256 keys that verify users' JWTs.")
  private Path jwks;

  @Option(names = "--jwt-audience", description = "Audience a user's JWT must name.")
  private String jwtAudience;

  @Option(
      names = "--keystore",
      paramLabel = "FILE",
      description = "PKCS12 key store: serve wss://.")
  private Path keyStore;

  @Option(names = "--keystore-password", description = "Password of the key store.")
  private String keyStorePassword;

  @Override
  public Integer call() throws SQLException, InterruptedException {
    PluresDriver.register();
    PrintStream out = System.out;
    CountDownLatch stopped = new CountDownLatch(1);
    String url = url();
    Connection c = DriverManager.getConnection(url);
    AutoCloseable shared = store == null ? () -> {} : attach(c);
    PluresConnection node = c.unwrap(PluresConnection.class);
    String scheme = keyStore == null ? "ws" : "wss";
    String where = host.contains(":") ? "[" + host + "]" : host;
    out.println("PluresDB hub listening on " + scheme + "://" + where + ":" + node.listenPort());
    Console console = startConsole(c, url);
    out.println(
        "console: "
            + (keyStore == null ? "http" : "https")
            + "://"
            + where
            + ":"
            + node.listenPort()
            + "/console/"
            + (token == null ? "" : " (log in with the token)"));
    out.println(
        "node "
            + node.nodeId()
            + ", database "
            + node.databaseId()
            + (store == null ? ", file " + db : ", store " + store));
    out.println("Ctrl-C stops it.");
    out.flush();
    Thread hook =
        new Thread(
            () -> {
              try {
                closeConsole(console, out);
                shared.close();
                c.close();
                out.println("stopped; " + (store == null ? db : store) + " closed cleanly");
              } catch (Exception e) {
                out.println("stopping failed: " + e.getMessage());
              } finally {
                out.flush();
                stopped.countDown();
              }
            },
            "pluresdb-serve-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    String last = "";
    while (!stopped.await(REFRESH_MILLIS, TimeUnit.MILLISECONDS)) {
      String now;
      try {
        now = counters(c);
      } catch (SQLException e) {
        if (c.isClosed()) {
          break; // shutting down
        }
        throw e;
      }
      if (!now.equals(last)) {
        out.println(now);
        out.flush();
        last = now;
      }
    }
    stopped.await();
    return 0;
  }

  private AutoCloseable attach(Connection c) throws SQLException {
    try {
      return HubStore.attach(store, storeUser, storePassword, c);
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  private Console startConsole(Connection c, String url) throws SQLException {
    HttpRoutes routes = c.unwrap(ConnectionImpl.class).httpRoutes();
    if (routes == null) {
      throw new IllegalStateException("the hub does not listen, so it has no console");
    }
    return Console.start(routes, token, () -> DriverManager.getConnection(url));
  }

  private static void closeConsole(Console console, PrintStream out) {
    try {
      console.close();
    } catch (Exception e) {
      out.println("stopping the console failed: " + e.getMessage());
    }
  }

  private String url() {
    StringBuilder u =
        new StringBuilder(store == null ? "jdbc:pluresdb:" + db : HubStore.localUrl())
            .append("?listen=");
    u.append(host.contains(":") ? "[" + host + "]" : host).append(':').append(port);
    if (token != null) {
      u.append("&token=").append(enc(token));
    }
    if (jwtSecretFile != null) {
      u.append("&jwt_secret_file=").append(enc(jwtSecretFile.toString()));
    }
    if (jwks != null) {
      u.append("&jwks=").append(enc(jwks.toString()));
    }
    if (jwtAudience != null) {
      u.append("&jwt_audience=").append(enc(jwtAudience));
    }
    if (keyStore != null) {
      u.append("&key_store=").append(enc(keyStore.toString()));
    }
    if (keyStorePassword != null) {
      u.append("&key_store_password=").append(enc(keyStorePassword));
    }
    return u.toString();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String counters(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT COUNT(CASE WHEN state = 'LIVE' THEN 1 END),"
                    + " COALESCE(SUM(CASE WHEN state = 'LIVE' THEN received END), 0),"
                    + " COALESCE(SUM(CASE WHEN state <> 'CLOSED' THEN behind END), 0)"
                    + " FROM sys_peers")) {
      rs.next();
      return "peers live: "
          + rs.getLong(1)
          + ", transactions received: "
          + rs.getLong(2)
          + ", peers behind by: "
          + rs.getLong(3);
    }
  }
}
