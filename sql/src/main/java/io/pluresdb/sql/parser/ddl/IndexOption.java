package io.pluresdb.sql.parser.ddl;

import java.util.Objects;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;

/**
 * One {@code key = value} of CREATE INDEX … WITH (…), such as {@code metric = 'cosine'}.
 *
 * @param key the option name (unquoted names folded to lower case)
 * @param value a string or numeric literal, or a bare word
 */
public record IndexOption(String key, SqlNode value) {
  public IndexOption {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }

  /** The value as text: a string literal's contents, a number's digits, or a bare word. */
  public String valueText() {
    if (value instanceof SqlCharStringLiteral s) {
      return s.getValueAs(String.class);
    }
    if (value instanceof SqlLiteral l) {
      return l.toValue();
    }
    return ((SqlIdentifier) value).getSimple();
  }
}
