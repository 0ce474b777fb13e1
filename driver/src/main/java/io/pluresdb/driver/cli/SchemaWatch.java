package io.pluresdb.driver.cli;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jline.utils.AttributedString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sqlline.CommandHandler;
import sqlline.DispatchCallback;
import sqlline.PromptHandler;
import sqlline.SqlLine;

/**
 * Keeps the shell's completion current with the schema: before each prompt it reads the database's
 * schema version ({@code PRAGMA schema_version}, answered from the catalog in memory, so it costs
 * no file access) and, when DDL has run since the last prompt — in this shell, on another
 * connection or on a peer — has sqlline reload its table and column names, as {@code !rehash} does.
 *
 * <p>sqlline calls it on its one reading thread, between statements.
 */
final class SchemaWatch extends PromptHandler {
  private static final Logger LOG = LoggerFactory.getLogger(SchemaWatch.class);

  private Connection watched;
  private long version;

  SchemaWatch(SqlLine sqlLine) {
    super(sqlLine);
  }

  @Override
  public AttributedString getPrompt() {
    refresh();
    return super.getPrompt();
  }

  /** Reloads the completion's names if the schema changed since the last prompt. */
  void refresh() {
    Connection c = ShellConnection.current(sqlLine);
    if (c == null) {
      return;
    }
    long now;
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA schema_version")) {
      if (!rs.next()) {
        return;
      }
      now = rs.getLong(1);
    } catch (SQLException e) {
      // a closed connection, or one to a database without the pragma: completion stays as loaded
      LOG.debug("no schema version from the shell's connection: {}", e.toString());
      return;
    }
    if (c != watched) {
      // a new connection: sqlline loaded its names on connecting
      watched = c;
      version = now;
    } else if (now != version) {
      version = now;
      rehash();
    }
  }

  private void rehash() {
    for (CommandHandler handler : sqlLine.getCommandHandlers()) {
      if (handler.getName().equals("rehash")) {
        handler.execute("rehash", new DispatchCallback());
        return;
      }
    }
  }
}
