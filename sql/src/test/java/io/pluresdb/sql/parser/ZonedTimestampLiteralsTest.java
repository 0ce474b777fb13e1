package io.pluresdb.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlTimestampLiteral;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The text forms a TIMESTAMP WITH TIME ZONE literal takes, and the UTC instant each denotes. */
class ZonedTimestampLiteralsTest {
  private static final SqlParserPos POS = new SqlParserPos(1, 8);

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2024-03-01 10:11:12+01:00       | 2024-03-01 09:11:12",
        "2024-03-01T10:11:12+01:00       | 2024-03-01 09:11:12",
        "2024-03-01 10:11:12 +01:00      | 2024-03-01 09:11:12",
        "2024-03-01 10:11:12+0100        | 2024-03-01 09:11:12",
        "2024-03-01 10:11:12+01          | 2024-03-01 09:11:12",
        "2024-03-01 09:11:12Z            | 2024-03-01 09:11:12",
        "2024-03-01T09:11:12z            | 2024-03-01 09:11:12",
        "2024-03-01 10:11+01:00          | 2024-03-01 09:11:00",
        "2024-03-01 00:30:00-05:30       | 2024-03-01 06:00:00",
        "2024-03-01 00:30:00+01:00       | 2024-02-29 23:30:00",
        "2024-03-01 10:11:12.5+01:00     | 2024-03-01 09:11:12.5",
        "2024-03-01T10:11:12.123456+01:00 | 2024-03-01 09:11:12.123456",
        "2024-07-01 10:11:12 Europe/Paris | 2024-07-01 08:11:12",
        "2024-03-01 10:11:12 UTC         | 2024-03-01 10:11:12",
        "2024-03-01 10:11:12 GMT+01:00   | 2024-03-01 09:11:12",
        "' 2024-03-01 10:11:12+01:00 '   | 2024-03-01 09:11:12",
      })
  void readsTheSameInstantInUtc(String text, String utc) {
    SqlTimestampLiteral literal = ZonedTimestampLiterals.parse(text, POS);
    assertThat(literal.getTypeName()).isEqualTo(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE);
    assertThat(literal.toFormattedString()).isEqualTo(utc);
    assertThat(literal.getParserPosition()).isEqualTo(POS);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2024-03-01 10:11:12",
        "2024-03-01",
        "2024-03-01 10:11:12+1",
        "2024-03-01 10:11:12+01:00:00",
        "2024-03-01 10:11:12+19:00",
        "2024-03-01 10:11:12+01:60",
        "2024-02-30 10:11:12Z",
        "2024-03-01 25:11:12Z",
        "2024-03-01 10:11:12.1234567890Z",
        "2024-03-01 10:11:12 Nowhere/Else",
        "2024-03-01 10:11:12 +01:00 UTC",
        "yesterday",
      })
  void refusesOtherText(String text) {
    assertThatThrownBy(() -> ZonedTimestampLiterals.parse(text, POS))
        .isInstanceOf(CalciteContextException.class)
        .hasMessageContaining("line 1, column 8")
        .rootCause()
        .hasMessageStartingWith("Illegal TIMESTAMP WITH TIME ZONE literal '" + text + "': ");
  }
}
