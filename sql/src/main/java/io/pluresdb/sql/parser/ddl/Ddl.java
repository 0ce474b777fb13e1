package io.pluresdb.sql.parser.ddl;

import java.util.List;
import java.util.regex.Pattern;
import org.apache.calcite.sql.SqlWriter;

/** Unparse helpers shared by the DDL nodes. */
final class Ddl {
  /** Names that read back unchanged without quotes: names are kept as written. */
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

  private Ddl() {}

  /** Writes a name, quoted only when it would not read back as itself unquoted. */
  static void name(SqlWriter writer, String name) {
    // a writer of another dialect cannot say what is reserved, so it gets every name quoted
    boolean plain =
        PLAIN_NAME.matcher(name).matches()
            && writer.getDialect() instanceof ReservedWords words
            && !words.isReservedWord(name);
    writer.identifier(name, !plain);
  }

  /** Writes {@code (a, b, c)} with each name quoted as the dialect requires. */
  static void nameList(SqlWriter writer, List<String> names) {
    SqlWriter.Frame frame = writer.startList("(", ")");
    for (String name : names) {
      writer.sep(",");
      name(writer, name);
    }
    writer.endList(frame);
  }
}
