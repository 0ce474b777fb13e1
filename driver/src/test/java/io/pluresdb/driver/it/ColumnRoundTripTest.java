package io.pluresdb.driver.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every column type through the real driver: {@code setObject(x)} into a column of the type, then
 * {@code getObject(col, x.getClass())} gives {@code x} back.
 */
class ColumnRoundTripTest {

  static Stream<Arguments> values() {
    return Stream.of(
        Arguments.of("BOOLEAN", true),
        Arguments.of("TINYINT", (byte) -128),
        Arguments.of("SMALLINT", (short) 32767),
        Arguments.of("INTEGER", Integer.MIN_VALUE),
        Arguments.of("BIGINT", Long.MAX_VALUE),
        Arguments.of("REAL", 1.5f),
        Arguments.of("DOUBLE", -0.1),
        Arguments.of("DECIMAL(10,2)", new BigDecimal("12345678.90")),
        Arguments.of("CHAR(3)", "abc"),
        Arguments.of("VARCHAR(20)", "grüße, 世界"),
        Arguments.of("CLOB", "x".repeat(10_000)),
        Arguments.of("JSON", "{\"a\": [1, 2]}"),
        Arguments.of("BINARY(3)", new byte[] {0, -1, 127}),
        Arguments.of("VARBINARY(8)", new byte[] {1, 2, 3}),
        Arguments.of("BLOB", new byte[] {-128, 0}),
        Arguments.of("DATE", LocalDate.of(2024, 2, 29)),
        Arguments.of("DATE", java.sql.Date.valueOf("1999-12-31")),
        Arguments.of("TIME", LocalTime.of(23, 59, 58, 123_456_789)),
        Arguments.of("TIME", java.sql.Time.valueOf("10:11:12")),
        Arguments.of("TIMESTAMP", LocalDateTime.of(2000, 1, 1, 0, 0, 1, 1)),
        Arguments.of("TIMESTAMP", java.sql.Timestamp.valueOf("2024-05-06 07:08:09.123456789")),
        // a zoned timestamp keeps the instant, so an OffsetDateTime comes back at UTC
        Arguments.of(
            "TIMESTAMP WITH TIME ZONE", OffsetDateTime.of(2024, 5, 6, 7, 8, 9, 0, ZoneOffset.UTC)),
        Arguments.of("TIMESTAMP WITH TIME ZONE", Instant.ofEpochSecond(1_000_000_000, 5)),
        Arguments.of("VECTOR(3)", new float[] {1f, -2.5f, 3e-5f}));
  }

  @ParameterizedTest(name = "{0} keeps {1}")
  @MethodSource("values")
  void aValueSetIntoAColumnIsTheValueGotBack(String type, Object x) throws SQLException {
    try (Connection c = Db.connect(Db.freshMemoryUrl())) {
      Db.exec(c, "CREATE TABLE t (id BIGINT PRIMARY KEY, v " + type + ")");
      try (PreparedStatement p = c.prepareStatement("INSERT INTO t VALUES (1, ?)")) {
        p.setObject(1, x);
        p.executeUpdate();
      }
      try (ResultSet rs = c.createStatement().executeQuery("SELECT v FROM t")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getObject(1, x.getClass())).isEqualTo(x);
        assertThat(rs.getObject("v", x.getClass())).isEqualTo(x);
      }
    }
  }
}
