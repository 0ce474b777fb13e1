package io.pluresdb.driver.cli;

import io.pluresdb.jdbc.PluresDriver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sqlline.SqlLine;

/**
 * {@code pluresdb shell [URL]}: an interactive SQL shell (sqlline) connected through this driver;
 * by default to the database file {@code pluresdb.db} in the current directory.
 */
@Command(name = "shell", description = "Open an interactive SQL shell (sqlline).")
final class ShellCommand implements Callable<Integer> {
  static final String DEFAULT_URL = "jdbc:pluresdb:pluresdb.db";
  private static final int NO_TERMINAL_WIDTH = 1000;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "URL",
      description = "Database URL (default: ${DEFAULT-VALUE}).",
      defaultValue = DEFAULT_URL)
  private String url;

  @Option(
      names = "--run",
      paramLabel = "FILE",
      description = "Run the SQL script in FILE, then exit.")
  private String script;

  @Override
  public Integer call() {
    PluresDriver.register();
    // No user or password: an embedded database has none. SERIALIZABLE is the level PluresDB
    // runs at; asking for it spares sqlline's note about its REPEATABLE_READ default.
    List<String> args =
        new ArrayList<>(
            List.of(
                "-u",
                url,
                "-n",
                "",
                "-p",
                "",
                "-d",
                PluresDriver.class.getName(),
                "--isolation=TRANSACTION_SERIALIZABLE",
                "--verbose=false"));
    if (System.console() == null) {
      // No terminal (a pipe or a script): ask jline for a dumb one instead of warning about it,
      // and give tables room, since a dumb terminal reports a width of zero.
      System.setProperty("org.jline.terminal.dumb", "true");
      args.add("--maxWidth=" + NO_TERMINAL_WIDTH);
    }
    if (script != null) {
      args.add("--run=" + script);
    }
    try {
      SqlLine.Status status = SqlLine.start(args.toArray(new String[0]), null, script == null);
      return status == SqlLine.Status.OK ? 0 : 1;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
