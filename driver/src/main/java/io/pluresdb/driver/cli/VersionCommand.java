package io.pluresdb.driver.cli;

import picocli.CommandLine.Command;

/** {@code pluresdb version}: prints the product and driver version. */
@Command(
    name = "version",
    footerHeading = "%nExamples:%n",
    footer = {"  java -jar pluresdb.jar version"},
    description = "Print the PluresDB version.")
final class VersionCommand implements Runnable {
  @Override
  public void run() {
    System.out.println(Main.versionLine());
  }
}
