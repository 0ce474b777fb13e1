package io.pluresdb.driver.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pluresdb.crdt.schema.ColumnType;
import java.math.BigDecimal;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class ConversionsTest {
  private static final String COL = "column 'year'";

  @Test
  void integersConvertWithinRangeAndNameTheColumnWhenOutOfIt() throws SQLException {
    assertThat(Conversions.toLong(42L, COL, "int", Integer.MIN_VALUE, Integer.MAX_VALUE))
        .isEqualTo(42);
    assertThat(Conversions.toLong("17", COL, "int", Integer.MIN_VALUE, Integer.MAX_VALUE))
        .isEqualTo(17);
    assertThat(Conversions.toLong(3.9, COL, "int", Integer.MIN_VALUE, Integer.MAX_VALUE))
        .isEqualTo(3);
    assertThatThrownBy(
            () -> Conversions.toLong(1L << 40, COL, "int", Integer.MIN_VALUE, Integer.MAX_VALUE))
        .isInstanceOf(SQLDataException.class)
        .hasMessageContaining("column 'year'")
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("22003");
    assertThatThrownBy(() -> Conversions.toLong("abc", COL, "int", 0, 10))
        .hasMessage("column 'year': cannot convert 'abc' to int")
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("22018");
  }

  @Test
  void textFormsAreTheUsualOnes() {
    assertThat(Conversions.toText(new BigDecimal("1E+3"))).isEqualTo("1000");
    assertThat(Conversions.toText(LocalDateTime.of(2024, 1, 2, 3, 4, 5)))
        .isEqualTo("2024-01-02 03:04:05.0");
    assertThat(Conversions.toText(new byte[] {1, (byte) 0xAB})).isEqualTo("01ab");
    assertThat(Conversions.toText(new float[] {1f, 2.5f})).isEqualTo("[1.0,2.5]");
    assertThat(Conversions.toText(LocalDate.of(2024, 2, 29))).isEqualTo("2024-02-29");
  }

  @Test
  void booleansAcceptNumbersAndWords() throws SQLException {
    assertThat(Conversions.toBoolean(1L, COL)).isTrue();
    assertThat(Conversions.toBoolean("false", COL)).isFalse();
    assertThat(Conversions.toBoolean("Y", COL)).isTrue();
    assertThatThrownBy(() -> Conversions.toBoolean("maybe", COL))
        .hasMessageContaining("'maybe'")
        .hasMessageContaining("BOOLEAN");
  }

  @Test
  void javaTimeTypesComeFromCanonicalValuesAndText() throws SQLException {
    LocalDate d = LocalDate.of(2001, 9, 9);
    assertThat(ObjectConversions.toClass(d, LocalDate.class, COL)).isEqualTo(d);
    assertThat(ObjectConversions.toClass("2001-09-09", LocalDate.class, COL)).isEqualTo(d);
    assertThat(ObjectConversions.toClass(d, LocalDateTime.class, COL)).isEqualTo(d.atStartOfDay());
    assertThat(ObjectConversions.toClass("2001-09-09 01:02:03.5", LocalDateTime.class, COL))
        .isEqualTo(LocalDateTime.of(2001, 9, 9, 1, 2, 3, 500_000_000));
    assertThat(ObjectConversions.toClass("10:11:12", LocalTime.class, COL))
        .isEqualTo(LocalTime.of(10, 11, 12));
    OffsetDateTime odt = OffsetDateTime.of(2001, 9, 9, 1, 46, 40, 0, ZoneOffset.UTC);
    assertThat(ObjectConversions.toClass(odt, Instant.class, COL))
        .isEqualTo(Instant.ofEpochSecond(1_000_000_000));
    assertThat(ObjectConversions.toClass(null, Integer.class, COL)).isNull();
    assertThatThrownBy(() -> ObjectConversions.toClass("x", java.util.UUID.class, COL))
        .hasMessageContaining("java.util.UUID")
        .hasMessageContaining(COL);
  }

  @Test
  void getObjectReturnsTheJdbcDefaultClasses() {
    assertThat(ObjectConversions.toJdbcObject(5L, ColumnType.INTEGER)).isEqualTo(5);
    assertThat(ObjectConversions.toJdbcObject(1L << 40, ColumnType.INTEGER)).isEqualTo(1L << 40);
    assertThat(ObjectConversions.toJdbcObject(5L, ColumnType.BIGINT)).isEqualTo(5L);
    assertThat(ObjectConversions.toJdbcObject(1.5, ColumnType.REAL)).isEqualTo(1.5f);
    assertThat(ObjectConversions.toJdbcObject(LocalDate.of(2020, 1, 1), ColumnType.DATE))
        .isEqualTo(java.sql.Date.valueOf("2020-01-01"));
    assertThat(
            ObjectConversions.toJdbcObject(
                LocalDateTime.of(2020, 1, 1, 0, 0), ColumnType.TIMESTAMP))
        .isEqualTo(java.sql.Timestamp.valueOf("2020-01-01 00:00:00"));
  }

  @Test
  void setObjectWithTargetTypeConvertsToTheCanonicalValue() throws SQLException {
    assertThat(ObjectConversions.toCanonical("12", ColumnType.INTEGER, "parameter 1"))
        .isEqualTo(12L);
    assertThat(ObjectConversions.toCanonical(12L, ColumnType.VARCHAR, "parameter 1"))
        .isEqualTo("12");
    assertThat(ObjectConversions.toCanonical("2020-05-06", ColumnType.DATE, "parameter 1"))
        .isEqualTo(LocalDate.of(2020, 5, 6));
    assertThat(ObjectConversions.toCanonical("[1, 2]", ColumnType.VECTOR, "parameter 1"))
        .isEqualTo(new float[] {1f, 2f});
    assertThatThrownBy(() -> ObjectConversions.toCanonical("x", ColumnType.DATE, "parameter 2"))
        .hasMessageContaining("parameter 2")
        .hasMessageContaining("DATE");
  }

  @Test
  void calendarsPlaceLocalValuesInTheirZone() {
    Calendar tokyo = Calendar.getInstance(TimeZone.getTimeZone("Asia/Tokyo"), Locale.ROOT);
    LocalDateTime t = LocalDateTime.of(2020, 1, 1, 9, 0);
    java.sql.Timestamp ts = LegacyDates.toSqlTimestamp(t, tokyo);
    assertThat(ts.toInstant()).isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
    assertThat(LegacyDates.fromSqlTimestamp(ts, tokyo)).isEqualTo(t);

    LocalDate d = LocalDate.of(2020, 3, 1);
    java.sql.Date sd = LegacyDates.toSqlDate(d, tokyo);
    assertThat(LegacyDates.fromSqlDate(sd, tokyo)).isEqualTo(d);
    assertThat(sd.getTime()).isEqualTo(Instant.parse("2020-02-29T15:00:00Z").toEpochMilli());
  }

  @Test
  void boundJdbcValuesBecomeCanonical() throws SQLException {
    assertThat(ParameterValues.normalize(7, "parameter 1")).isEqualTo(7L);
    assertThat(ParameterValues.normalize(1.5f, "parameter 1")).isEqualTo(1.5);
    assertThat(ParameterValues.normalize(java.sql.Date.valueOf("2020-01-02"), "parameter 1"))
        .isEqualTo(LocalDate.of(2020, 1, 2));
    assertThat(ParameterValues.normalize(Instant.EPOCH, "parameter 1"))
        .isEqualTo(OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
    assertThatThrownBy(() -> ParameterValues.normalize(new Object(), "parameter 3"))
        .hasMessageContaining("parameter 3")
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("22023");
  }
}
