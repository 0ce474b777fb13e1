package io.pluresdb.driver.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.value.ValueCodec;
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
    assertThat(ValueCodec.read(42L, int.class, COL)).isEqualTo(42);
    assertThat(ValueCodec.read("17", int.class, COL)).isEqualTo(17);
    assertThat(ValueCodec.read(3.9, int.class, COL)).isEqualTo(3);
    assertThatThrownBy(() -> ValueCodec.read(1L << 40, int.class, COL))
        .isInstanceOf(SQLDataException.class)
        .hasMessageContaining("column 'year'")
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("22003");
    assertThatThrownBy(() -> ValueCodec.read("abc", int.class, COL))
        .hasMessage("column 'year': cannot convert 'abc' to int")
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("22018");
  }

  @Test
  void textFormsAreTheUsualOnes() {
    assertThat(ValueCodec.textOf(new BigDecimal("1E+3"))).isEqualTo("1000");
    assertThat(ValueCodec.textOf(LocalDateTime.of(2024, 1, 2, 3, 4, 5)))
        .isEqualTo("2024-01-02 03:04:05");
    assertThat(ValueCodec.textOf(new byte[] {1, (byte) 0xAB})).isEqualTo("01ab");
    assertThat(ValueCodec.textOf(new float[] {1f, 2.5f})).isEqualTo("[1.0,2.5]");
    assertThat(ValueCodec.textOf(LocalDate.of(2024, 2, 29))).isEqualTo("2024-02-29");
  }

  @Test
  void booleansAcceptNumbersAndWords() throws SQLException {
    assertThat(ValueCodec.read(1L, Boolean.class, COL)).isTrue();
    assertThat(ValueCodec.read("false", Boolean.class, COL)).isFalse();
    assertThat(ValueCodec.read("Y", Boolean.class, COL)).isTrue();
    assertThatThrownBy(() -> ValueCodec.read("maybe", Boolean.class, COL))
        .hasMessageContaining("'maybe'")
        .hasMessageContaining("BOOLEAN");
  }

  @Test
  void javaTimeTypesComeFromCanonicalValuesAndText() throws SQLException {
    LocalDate d = LocalDate.of(2001, 9, 9);
    assertThat(ValueCodec.read(d, LocalDate.class, COL)).isEqualTo(d);
    assertThat(ValueCodec.read("2001-09-09", LocalDate.class, COL)).isEqualTo(d);
    assertThat(ValueCodec.read(d, LocalDateTime.class, COL)).isEqualTo(d.atStartOfDay());
    assertThat(ValueCodec.read("2001-09-09 01:02:03.5", LocalDateTime.class, COL))
        .isEqualTo(LocalDateTime.of(2001, 9, 9, 1, 2, 3, 500_000_000));
    assertThat(ValueCodec.read("10:11:12", LocalTime.class, COL))
        .isEqualTo(LocalTime.of(10, 11, 12));
    OffsetDateTime odt = OffsetDateTime.of(2001, 9, 9, 1, 46, 40, 0, ZoneOffset.UTC);
    assertThat(ValueCodec.read(odt, Instant.class, COL))
        .isEqualTo(Instant.ofEpochSecond(1_000_000_000));
    assertThat(ValueCodec.read(null, Integer.class, COL)).isNull();
    assertThatThrownBy(() -> ValueCodec.read("x", java.util.UUID.class, COL))
        .hasMessageContaining("java.util.UUID")
        .hasMessageContaining(COL);
  }

  @Test
  void getObjectReturnsTheJdbcDefaultClasses() {
    assertThat(JdbcObjects.of(5L, ColumnType.INTEGER)).isEqualTo(5);
    assertThat(JdbcObjects.of(1L << 40, ColumnType.INTEGER)).isEqualTo(1L << 40);
    assertThat(JdbcObjects.of(5L, ColumnType.BIGINT)).isEqualTo(5L);
    // SQLite's REAL is an 8-byte double: no narrowing to Float
    assertThat(JdbcObjects.of(0.1, ColumnType.REAL)).isEqualTo(0.1);
    assertThat(JdbcObjects.of(LocalDate.of(2020, 1, 1), ColumnType.DATE))
        .isEqualTo(java.sql.Date.valueOf("2020-01-01"));
    assertThat(JdbcObjects.of(LocalDateTime.of(2020, 1, 1, 0, 0), ColumnType.TIMESTAMP))
        .isEqualTo(java.sql.Timestamp.valueOf("2020-01-01 00:00:00"));
  }

  @Test
  void setObjectWithTargetTypeConvertsToTheCanonicalValue() throws SQLException {
    assertThat(ValueCodec.of(ColumnType.INTEGER).cast("12", "parameter 1")).isEqualTo(12L);
    assertThat(ValueCodec.of(ColumnType.VARCHAR).cast(12L, "parameter 1")).isEqualTo("12");
    assertThat(ValueCodec.of(ColumnType.DATE).cast("2020-05-06", "parameter 1"))
        .isEqualTo(LocalDate.of(2020, 5, 6));
    assertThat(ValueCodec.of(ColumnType.VECTOR).cast("[1, 2]", "parameter 1"))
        .isEqualTo(new float[] {1f, 2f});
    assertThatThrownBy(() -> ValueCodec.of(ColumnType.DATE).cast("x", "parameter 2"))
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
