package io.pluresdb.driver.cli;

import io.pluresdb.driver.meta.DriverInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line of {@code pluresdb.jar}: {@code shell [URL]}, {@code version}, {@code --help},
 * {@code serve} (a hub node), {@code status} (a running node's peers), and {@code export} and
 * {@code import} (rows to and from CSV or JSON lines files), and {@code backup} (a copy of a
 * database in use).
 */
@Command(
    name = "pluresdb",
    mixinStandardHelpOptions = true,
    // every command answers --help (and --version) as the top level does
    scope = CommandLine.ScopeType.INHERIT,
    versionProvider = Main.Version.class,
    description = "PluresDB: a local SQL database that syncs, through JDBC.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  java -jar pluresdb.jar demo",
      "  java -jar pluresdb.jar shell jdbc:pluresdb:./app.db",
      "  java -jar pluresdb.jar shell --help"
    },
    subcommands = {
      DemoCommand.class,
      ShellCommand.class,
      VersionCommand.class,
      CommandLine.HelpCommand.class,
      ServeCommand.class,
      StatusCommand.class,
      ExportCommand.class,
      ImportCommand.class,
      BackupCommand.class
    })
public final class Main implements Runnable {

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (for tests and {@link #main}). */
  public static int run(String... args) {
    return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
  }

  /** Without a command: the usage, as {@code --help} prints it. */
  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /** The text of {@code version} and {@code --version}. */
  static String versionLine() {
    return DriverInfo.PRODUCT + " " + DriverInfo.VERSION + " (Java " + Runtime.version() + ")";
  }

  /** Feeds {@code --version}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {versionLine()};
    }
  }
}
