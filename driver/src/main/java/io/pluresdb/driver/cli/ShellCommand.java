package io.pluresdb.driver.cli;

import io.pluresdb.driver.progress.LiveCounter;
import io.pluresdb.jdbc.PluresDriver;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sqlline.SqlLine;

/**
 * {@code pluresdb shell [URL]}: an interactive SQL shell (sqlline) connected through this driver;
 * by default to the database file {@code pluresdb.db} in the current directory. History, completion
 * and output settings: {@link ShellArgs}.
 */
@Command(
    name = "shell",
    footerHeading = "%nExamples:%n",
    footer = {
      "  java -jar pluresdb.jar shell jdbc:pluresdb:./app.db",
      "  java -jar pluresdb.jar shell jdbc:pluresdb:./app.db --run schema.sql",
      "  java -jar pluresdb.jar shell \"jdbc:pluresdb:./a.db?peers=ws://127.0.0.1:7777&token=s3cret\""
    },
    description = "Open an interactive SQL shell (sqlline).")
final class ShellCommand implements Callable<Integer> {
  static final String DEFAULT_URL = "jdbc:pluresdb:pluresdb.db";

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
    boolean terminal = System.console() != null;
    if (!terminal) {
      // No terminal (a pipe or a script): ask jline for a dumb one instead of warning about it.
      System.setProperty("org.jline.terminal.dumb", "true");
    }
    Path home = Path.of(System.getProperty("user.home"));
    try {
      Files.createDirectories(ShellArgs.historyFile(home).getParent());
      List<String> args = ShellArgs.of(url, script, home, terminal);
      // a live counter on stderr while a statement runs long, only where a person watches
      try (LiveCounter counter = terminal ? LiveCounter.start(errorConsole()) : null) {
        SqlLine.Status status = SqlLine.start(args.toArray(new String[0]), null, script == null);
        return status == SqlLine.Status.OK ? 0 : 1;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static PrintWriter errorConsole() {
    return new PrintWriter(new OutputStreamWriter(System.err, Charset.defaultCharset()), false);
  }
}
