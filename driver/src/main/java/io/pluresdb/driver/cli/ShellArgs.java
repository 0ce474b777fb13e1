package io.pluresdb.driver.cli;

import io.pluresdb.jdbc.PluresDriver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sqlline arguments of {@code pluresdb shell}: the connection, and the defaults that make the
 * shell pleasant — a history kept under the user's home ({@value #HISTORY}), table and column names
 * loaded on connect for tab completion, and results printed as tables.
 */
final class ShellArgs {
  /** The history file, relative to the user's home: one history for every database. */
  static final String HISTORY = ".pluresdb/history";

  private static final int NO_TERMINAL_WIDTH = 1000;

  private ShellArgs() {}

  /** The history file for a user whose home directory is {@code home}. */
  static Path historyFile(Path home) {
    return home.resolve(HISTORY);
  }

  /**
   * The arguments for sqlline.
   *
   * @param url the database URL
   * @param script a script to run, or null for an interactive shell
   * @param home the user's home directory, where the history lives
   * @param terminal whether a terminal is attached (without one, tables get a fixed width)
   */
  static List<String> of(String url, String script, Path home, boolean terminal) {
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
                // !export and !import, and completion that follows the schema
                "-ac",
                ShellApplication.class.getName(),
                "--isolation=TRANSACTION_SERIALIZABLE",
                "--verbose=false",
                "--outputformat=table",
                "--nullValue=NULL",
                "--historyFile=" + historyFile(home),
                // load table and column names on connect, from DatabaseMetaData, for completion
                "--fastConnect=false"));
    if (!terminal) {
      // a dumb terminal reports a width of zero: give tables room
      args.add("--maxWidth=" + NO_TERMINAL_WIDTH);
    }
    if (script != null) {
      args.add("--run=" + script);
    }
    return args;
  }
}
