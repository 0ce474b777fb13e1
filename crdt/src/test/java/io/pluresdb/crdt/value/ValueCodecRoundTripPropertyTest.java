package io.pluresdb.crdt.value;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.temporal.ChronoUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * {@code get(set(x)) == x}: a value assigned to a column, stored in SQLite's form, read back and
 * asked for as its own class is the value it was, for every column type and every class it takes.
 */
class ValueCodecRoundTripPropertyTest {

  /** Assign, store, load and read back as the class {@code x} came in. */
  private static Object roundTrip(ColumnType type, Object x) throws SQLException {
    ValueCodec codec = ValueCodec.of(type);
    Object stored = codec.toStored(codec.coerce(x, "value"));
    return ValueCodec.read(codec.fromStored(stored), x.getClass(), "value");
  }

  @Property
  void booleansRoundTrip(@ForAll boolean b) throws SQLException {
    assertThat(roundTrip(ColumnType.BOOLEAN, b)).isEqualTo(b);
  }

  @Property
  void bytesRoundTripThroughEveryIntegerType(@ForAll byte b) throws SQLException {
    for (ColumnType t : new ColumnType[] {ColumnType.TINYINT, ColumnType.SMALLINT}) {
      assertThat(roundTrip(t, b)).isEqualTo(b);
      assertThat(roundTrip(t, (short) b)).isEqualTo((short) b);
    }
  }

  @Property
  void intsRoundTripThroughIntegerAndWider(@ForAll int i) throws SQLException {
    assertThat(roundTrip(ColumnType.INTEGER, i)).isEqualTo(i);
    assertThat(roundTrip(ColumnType.BIGINT, i)).isEqualTo(i);
  }

  @Property
  void longsRoundTripAsEveryClassBigintTakes(@ForAll long l) throws SQLException {
    for (ColumnType t : new ColumnType[] {ColumnType.BIGINT, ColumnType.COUNTER}) {
      assertThat(roundTrip(t, l)).isEqualTo(l);
      assertThat(roundTrip(t, BigInteger.valueOf(l))).isEqualTo(BigInteger.valueOf(l));
      // a scale-0 decimal: a fraction would round, which is assignment, not a round trip
      assertThat(roundTrip(t, BigDecimal.valueOf(l))).isEqualTo(BigDecimal.valueOf(l));
      assertThat(roundTrip(t, Long.toString(l))).isEqualTo(Long.toString(l));
    }
  }

  @Property
  void floatingPointRoundTrips(@ForAll double d, @ForAll float f) throws SQLException {
    for (ColumnType t : new ColumnType[] {ColumnType.REAL, ColumnType.DOUBLE}) {
      assertThat(roundTrip(t, d)).isEqualTo(d);
      assertThat(roundTrip(t, f)).isEqualTo(f);
    }
  }

  @Property
  void decimalsRoundTrip(
      @ForAll BigInteger unscaled, @ForAll @IntRange(min = 0, max = 30) int scale)
      throws SQLException {
    // scale >= 0: DECIMAL is stored as plain text, so 1E+3 comes back as 1000 (equal in value,
    // not in scale); plain text is what SQLite compares as a number
    BigDecimal d = new BigDecimal(unscaled, scale);
    assertThat(roundTrip(ColumnType.DECIMAL, d)).isEqualTo(d);
    assertThat(roundTrip(ColumnType.DECIMAL, d.toPlainString())).isEqualTo(d.toPlainString());
  }

  @Property
  void textRoundTrips(@ForAll String s) throws SQLException {
    for (ColumnType t : new ColumnType[] {ColumnType.CHAR, ColumnType.VARCHAR, ColumnType.CLOB}) {
      assertThat(roundTrip(t, s)).isEqualTo(s);
    }
  }

  @Property
  void jsonRoundTripsAsWritten(@ForAll int[] numbers) throws SQLException {
    // only valid JSON is assigned; its text is kept byte for byte, not re-serialised
    String json = java.util.Arrays.toString(numbers);
    assertThat(roundTrip(ColumnType.JSON, json)).isEqualTo(json);
  }

  @Property
  void binaryRoundTrips(@ForAll byte[] b) throws SQLException {
    for (ColumnType t :
        new ColumnType[] {ColumnType.BINARY, ColumnType.VARBINARY, ColumnType.BLOB}) {
      assertThat(roundTrip(t, b)).isEqualTo(b);
    }
  }

  @Property
  void vectorsRoundTrip(@ForAll float[] v) throws SQLException {
    assertThat(roundTrip(ColumnType.VECTOR, v)).isEqualTo(v);
  }

  @Property
  void datesRoundTrip(@ForAll("dates") LocalDate d) throws SQLException {
    assertThat(roundTrip(ColumnType.DATE, d)).isEqualTo(d);
    assertThat(roundTrip(ColumnType.DATE, d.toString())).isEqualTo(d.toString());
    assertThat(roundTrip(ColumnType.TIMESTAMP, d)).isEqualTo(d);
  }

  @Property
  void legacyDatesRoundTrip(@ForAll("modernDates") LocalDate d) throws SQLException {
    java.sql.Date sql = java.sql.Date.valueOf(d);
    assertThat(roundTrip(ColumnType.DATE, sql)).isEqualTo(sql);
  }

  @Property
  void timesRoundTrip(@ForAll("times") LocalTime t) throws SQLException {
    assertThat(roundTrip(ColumnType.TIME, t)).isEqualTo(t);
    // java.sql.Time holds whole seconds
    java.sql.Time sql = java.sql.Time.valueOf(t.truncatedTo(ChronoUnit.SECONDS));
    assertThat(roundTrip(ColumnType.TIME, sql)).isEqualTo(sql);
  }

  @Property
  void timestampsRoundTrip(@ForAll("dates") LocalDate d, @ForAll("times") LocalTime t)
      throws SQLException {
    LocalDateTime ts = d.atTime(t);
    assertThat(roundTrip(ColumnType.TIMESTAMP, ts)).isEqualTo(ts);
  }

  @Property
  void legacyTimestampsRoundTrip(@ForAll("modernDates") LocalDate d, @ForAll("times") LocalTime t)
      throws SQLException {
    java.sql.Timestamp ts = java.sql.Timestamp.valueOf(d.atTime(t));
    assertThat(roundTrip(ColumnType.TIMESTAMP, ts)).isEqualTo(ts);
  }

  @Property
  void instantsRoundTrip(@ForAll("dates") LocalDate d, @ForAll("times") LocalTime t)
      throws SQLException {
    // the type keeps the instant, not the offset it was written with: values are generated at UTC
    // (the canonical offset), and any offset is compared as an instant
    OffsetDateTime utc = d.atTime(t).atOffset(ZoneOffset.UTC);
    Instant instant = utc.toInstant();
    assertThat(roundTrip(ColumnType.TIMESTAMP_WITH_TIME_ZONE, utc)).isEqualTo(utc);
    assertThat(roundTrip(ColumnType.TIMESTAMP_WITH_TIME_ZONE, instant)).isEqualTo(instant);
    OffsetDateTime east = utc.withOffsetSameInstant(ZoneOffset.ofHours(9));
    assertThat((OffsetDateTime) roundTrip(ColumnType.TIMESTAMP_WITH_TIME_ZONE, east))
        .isAtSameInstantAs(east);
  }

  /**
   * Years 1..9999: stored dates are four-digit text, so that they sort as text; wider years are
   * written with a sign and no longer sort with the rest.
   */
  @Provide
  Arbitrary<LocalDate> dates() {
    return Arbitraries.longs()
        .between(LocalDate.of(1, 1, 1).toEpochDay(), LocalDate.of(9999, 12, 31).toEpochDay())
        .map(LocalDate::ofEpochDay);
  }

  /** From 1900: java.sql.Date and Timestamp use the Julian calendar before 1582 and may shift. */
  @Provide
  Arbitrary<LocalDate> modernDates() {
    return Arbitraries.longs()
        .between(LocalDate.of(1900, 1, 1).toEpochDay(), LocalDate.of(9999, 12, 31).toEpochDay())
        .map(LocalDate::ofEpochDay);
  }

  /** Any time of day to the nanosecond: TIME and TIMESTAMP keep nine fractional digits. */
  @Provide
  Arbitrary<LocalTime> times() {
    return Arbitraries.longs().between(0, LocalTime.MAX.toNanoOfDay()).map(LocalTime::ofNanoOfDay);
  }
}
