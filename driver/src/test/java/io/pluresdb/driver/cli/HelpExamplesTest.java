package io.pluresdb.driver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's {@code --help} ends with examples of that command as a user types it. */
class HelpExamplesTest {
  @Test
  void everyCommandsHelpHasExamples() {
    CommandLine main = new CommandLine(new Main());
    assertThat(main.getUsageMessage(CommandLine.Help.Ansi.OFF))
        .contains("Examples:")
        .contains("java -jar pluresdb.jar demo");
    Map<String, CommandLine> commands = main.getSubcommands();
    assertThat(commands)
        .containsKeys("demo", "shell", "serve", "status", "version", "export", "import", "backup");
    commands.forEach(
        (name, command) -> {
          if (name.equals("help")) {
            return; // picocli's own help command, which shows the others' usage
          }
          assertThat(command.getUsageMessage(CommandLine.Help.Ansi.OFF))
              .as(name)
              .contains("Examples:")
              .contains("java -jar pluresdb.jar " + name);
        });
  }
}
