package io.pluresdb.sql.parser.live;

import java.util.Locale;
import org.apache.calcite.sql.SqlIdentifier;

/**
 * Channel names as PostgreSQL reads them, where LISTEN and NOTIFY come from: an unquoted name folds
 * to lower case and a quoted one is kept, and channels then match exactly. Unlike schema names,
 * which SQLite keeps as written and matches in any case.
 */
final class Channels {
  private Channels() {}

  static String name(SqlIdentifier channel) {
    String name = channel.getSimple();
    return channel.getParserPosition().isQuoted() ? name : name.toLowerCase(Locale.ROOT);
  }
}
