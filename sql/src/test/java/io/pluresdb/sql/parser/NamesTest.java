package io.pluresdb.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.sql.parser.ddl.SqlCreateTable;
import java.sql.SQLException;
import java.util.Locale;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "year",
        "month",
        "day",
        "hour",
        "minute",
        "second",
        "value",
        "date",
        "time",
        "timestamp",
        "user",
        "name",
        "type",
        "status",
        "key",
        "position",
        "count",
        "data",
        "text",
        "language",
        "role",
        "result",
        "start",
        "min",
        "max",
        "sum",
        "avg",
        "index",
        "if",
        "do",
        "nothing",
        "conflict",
        "listen",
        "notify",
        "subscribe",
        "uuid",
        "datetime"
      })
  void commonWordsAreNamesInSelectAndDdl(String word) throws SQLException {
    SqlSelect select =
        (SqlSelect)
            SqlParsers.parse(
                "SELECT " + word + " FROM " + word + " AS " + word + " WHERE " + word + "." + word
                    + " = 1");
    assertThat(name(select.getSelectList().get(0))).isEqualTo(word);

    SqlCreateTable create =
        (SqlCreateTable)
            SqlParsers.parse(
                "CREATE TABLE " + word + " (" + word.toUpperCase(Locale.ROOT) + " INTEGER)");
    assertThat(create.name().getSimple()).isEqualTo(word);
    assertThat(create.columns().get(0).name()).isEqualTo(word.toUpperCase(Locale.ROOT));
  }

  @Test
  void namesAreKeptAsWrittenQuotedOrNot() throws SQLException {
    SqlSelect select = (SqlSelect) SqlParsers.parse("SELECT Year, \"Value\" FROM \"Album\"");
    assertThat(name(select.getSelectList().get(0))).isEqualTo("Year");
    assertThat(name(select.getSelectList().get(1))).isEqualTo("Value");
    assertThat(((SqlIdentifier) select.getFrom()).getSimple()).isEqualTo("Album");
  }

  @Test
  void configIsDoubleQuotedAsWrittenCaseInsensitiveAndLenient() {
    assertThat(SqlParsers.config().quoting().name()).isEqualTo("DOUBLE_QUOTE");
    assertThat(SqlParsers.config().unquotedCasing().name()).isEqualTo("UNCHANGED");
    assertThat(SqlParsers.config().quotedCasing().name()).isEqualTo("UNCHANGED");
    assertThat(SqlParsers.config().caseSensitive()).isFalse();
    assertThat(SqlParsers.config().conformance()).isEqualTo(SqlConformanceEnum.LENIENT);
  }

  @Test
  void reservedWordsAreKnown() {
    assertThat(SqlParsers.isReservedWord("select")).isTrue();
    assertThat(SqlParsers.isReservedWord("ORDER")).isTrue();
    assertThat(SqlParsers.isReservedWord("year")).isFalse();
    assertThat(SqlParsers.isReservedWord("value")).isFalse();
    assertThat(SqlParsers.isReservedWord("date")).isFalse();
  }

  private static String name(SqlNode node) {
    return ((SqlIdentifier) node).names.get(((SqlIdentifier) node).names.size() - 1);
  }
}
