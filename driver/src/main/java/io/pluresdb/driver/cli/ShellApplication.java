package io.pluresdb.driver.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import sqlline.Application;
import sqlline.CommandHandler;
import sqlline.PromptHandler;
import sqlline.SqlLine;
import sqlline.SqlLineOpts;

/**
 * sqlline's configuration for {@code pluresdb shell} (named by {@code -ac} in {@link ShellArgs}):
 * its commands plus {@code !export} and {@code !import}, and a prompt that keeps completion current
 * with the schema ({@link SchemaWatch}). Public with a public constructor: sqlline creates it by
 * name.
 */
public final class ShellApplication extends Application {
  @Override
  public Collection<CommandHandler> getCommandHandlers(SqlLine sqlLine) {
    List<CommandHandler> handlers = new ArrayList<>(super.getCommandHandlers(sqlLine));
    handlers.add(TransferCommand.export(sqlLine));
    handlers.add(TransferCommand.importing(sqlLine));
    return handlers;
  }

  /** The options given on the command line ({@link ShellArgs}), not sqlline's defaults. */
  @Override
  public SqlLineOpts getOpts(SqlLine sqlLine) {
    return sqlLine.getOpts();
  }

  @Override
  public PromptHandler getPromptHandler(SqlLine sqlLine) {
    return new SchemaWatch(sqlLine);
  }
}
