package io.pluresdb.crdt.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.ColumnType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ValuesTest {
  private static ColumnDef col(String name, ColumnType type, int precision, int scale) {
    return new ColumnDef(name, type, precision, scale, true, null, false);
  }

  private static String state(ThrowingCall call) {
    try {
      call.run();
      return "none";
    } catch (SQLException e) {
      return e.getSQLState();
    }
  }

  interface ThrowingCall {
    void run() throws SQLException;
  }

  @Test
  void integersAcceptWhatJdbcUsersBind() throws SQLException {
    ColumnDef year = col("year", ColumnType.INTEGER, 0, 0);
    assertThat(Values.coerce(1969, year, "album")).isEqualTo(1969L);
    assertThat(Values.coerce((short) 3, year, "album")).isEqualTo(3L);
    assertThat(Values.coerce(BigInteger.TEN, year, "album")).isEqualTo(10L);
    assertThat(Values.coerce(new BigDecimal("2.5"), year, "album")).isEqualTo(3L);
    assertThat(Values.coerce(" 42 ", year, "album")).isEqualTo(42L);
    assertThat(Values.coerce(true, year, "album")).isEqualTo(1L);
  }

  @Test
  void badValuesNameTableAndColumn() {
    ColumnDef year = col("year", ColumnType.INTEGER, 0, 0);
    assertThatThrownBy(() -> Values.coerce("abc", year, "album"))
        .isInstanceOf(java.sql.SQLDataException.class)
        .hasMessage("column 'year' of table 'album' is INTEGER, got 'abc'");
    assertThat(state(() -> Values.coerce("abc", year, "album"))).isEqualTo("22P02");
    assertThat(state(() -> Values.coerce(BigInteger.TWO.pow(63), year, "album")))
        .isEqualTo("22003");
    assertThat(state(() -> Values.coerce(300, col("t", ColumnType.TINYINT, 0, 0), "x")))
        .isEqualTo("22003");
    assertThat(state(() -> Values.coerce(40_000, col("s", ColumnType.SMALLINT, 0, 0), "x")))
        .isEqualTo("22003");
    assertThat(state(() -> Values.coerce("2024-13-01", col("d", ColumnType.DATE, 0, 0), "x")))
        .isEqualTo("22007");
    assertThat(
            state(
                () ->
                    Values.coerce(new BigDecimal("1000"), col("p", ColumnType.DECIMAL, 5, 2), "x")))
        .isEqualTo("22003");
    assertThat(state(() -> Values.coerce("[1,2]", col("v", ColumnType.VECTOR, 3, 0), "x")))
        .isEqualTo("22000");
    assertThat(state(() -> Values.coerce("{bad", col("j", ColumnType.JSON, 0, 0), "x")))
        .isEqualTo("22P02");
  }

  @Test
  void datesAndTimesFromEveryJdbcForm() throws SQLException {
    LocalDate d = LocalDate.of(2024, 2, 29);
    assertThat(Values.coerce(java.sql.Date.valueOf(d), ColumnType.DATE)).isEqualTo(d);
    assertThat(Values.coerce("2024-02-29", ColumnType.DATE)).isEqualTo(d);
    assertThat(Values.coerce(d.atTime(10, 0), ColumnType.DATE)).isEqualTo(d);
    assertThat(Values.coerce(java.sql.Time.valueOf("10:11:12"), ColumnType.TIME))
        .isEqualTo(LocalTime.of(10, 11, 12));
    LocalDateTime ts = LocalDateTime.of(2024, 2, 29, 10, 11, 12, 500_000_000);
    assertThat(Values.coerce(java.sql.Timestamp.valueOf(ts), ColumnType.TIMESTAMP)).isEqualTo(ts);
    assertThat(Values.coerce("2024-02-29 10:11:12.5", ColumnType.TIMESTAMP)).isEqualTo(ts);
    assertThat(Values.coerce("2024-02-29T10:11:12.5", ColumnType.TIMESTAMP)).isEqualTo(ts);
    OffsetDateTime odt = OffsetDateTime.of(ts, ZoneOffset.ofHours(2));
    assertThat(Values.coerce(odt, ColumnType.TIMESTAMP_WITH_TIME_ZONE))
        .isEqualTo(odt.withOffsetSameInstant(ZoneOffset.UTC));
    assertThat(Values.coerce(Instant.EPOCH, ColumnType.TIMESTAMP_WITH_TIME_ZONE))
        .isEqualTo(OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
    assertThat(Values.coerce(odt.toZonedDateTime(), ColumnType.TIMESTAMP_WITH_TIME_ZONE))
        .isEqualTo(odt.withOffsetSameInstant(ZoneOffset.UTC));
  }

  @Test
  void storedFormsRoundTrip() throws SQLException {
    Object[][] cases = {
      {true, ColumnType.BOOLEAN, 1L},
      {new BigDecimal("12.50"), ColumnType.DECIMAL, "12.50"},
      {LocalDate.of(2024, 1, 2), ColumnType.DATE, "2024-01-02"},
      {LocalTime.of(9, 0), ColumnType.TIME, "09:00:00"},
      {
        LocalDateTime.of(2024, 1, 2, 9, 0, 0, 1000),
        ColumnType.TIMESTAMP,
        "2024-01-02 09:00:00.000001"
      },
      {
        OffsetDateTime.of(2024, 1, 2, 9, 0, 0, 0, ZoneOffset.UTC),
        ColumnType.TIMESTAMP_WITH_TIME_ZONE,
        "2024-01-02 09:00:00Z"
      },
    };
    for (Object[] c : cases) {
      ColumnType type = (ColumnType) c[1];
      assertThat(Values.toStored(c[0], type)).isEqualTo(c[2]);
      assertThat(Values.fromStored(c[2], type)).isEqualTo(c[0]);
    }
    float[] v = {1f, 2.5f, -3f};
    assertThat(
            (float[]) Values.fromStored(Values.toStored(v, ColumnType.VECTOR), ColumnType.VECTOR))
        .containsExactly(v);
    assertThat((float[]) Values.coerce("[1, 2.5, -3]", ColumnType.VECTOR)).containsExactly(v);
  }

  @Test
  void decimalsTakeTheDeclaredScale() throws SQLException {
    ColumnDef price = col("price", ColumnType.DECIMAL, 10, 2);
    assertThat(Values.coerce(3, price, "item")).isEqualTo(new BigDecimal("3.00"));
    assertThat(Values.coerce(2.345, price, "item")).isEqualTo(new BigDecimal("2.35"));
    assertThat(Values.coerce("1.5", price, "item")).isEqualTo(new BigDecimal("1.50"));
  }

  @Test
  void integerHoldsSixtyFourBitsAsInSqlite() throws SQLException {
    ColumnDef n = col("n", ColumnType.INTEGER, 0, 0);
    assertThat(Values.coerce(Long.MIN_VALUE, n, "t")).isEqualTo(Long.MIN_VALUE);
    assertThat(Values.coerce("9223372036854775807", n, "t")).isEqualTo(Long.MAX_VALUE);
    assertThat(Values.coerce(3_000_000_000L, n, "t")).isEqualTo(3_000_000_000L);
  }

  @Test
  void declaredLengthsAreNotEnforcedAsInSqlite() throws SQLException {
    assertThat(Values.coerce("toolong", col("n", ColumnType.VARCHAR, 3, 0), "x"))
        .isEqualTo("toolong");
    assertThat(Values.coerce("toolong", col("c", ColumnType.CHAR, 2, 0), "x")).isEqualTo("toolong");
  }
}
