package io.pluresdb.driver.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(180)
class StatementTest {
  private Connection c;

  @BeforeEach
  void open() throws SQLException {
    c = Db.connect(Db.freshMemoryUrl());
    Db.createAlbums(c);
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  private void insertAlbums(int n) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("INSERT INTO album (id, name, year) VALUES (?, ?, ?)")) {
      for (int i = 1; i <= n; i++) {
        p.setInt(1, i);
        p.setString(2, "album " + i);
        p.setInt(3, 1990 + i);
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  @Test
  void executeReportsRowsOrACountAndMoreResultsEndsIt() throws SQLException {
    try (Statement s = c.createStatement()) {
      assertThat(s.execute("INSERT INTO album (id, name) VALUES (1, 'a'), (2, 'b')")).isFalse();
      assertThat(s.getUpdateCount()).isEqualTo(2);
      assertThat(s.getResultSet()).isNull();
      assertThat(s.execute("SELECT name FROM album ORDER BY id")).isTrue();
      ResultSet rs = s.getResultSet();
      assertThat(s.getUpdateCount()).isEqualTo(-1);
      assertThat(Db.rows(rs)).containsExactly("a", "b");
      assertThat(s.getMoreResults()).isFalse();
      assertThat(rs.isClosed()).isTrue();
      assertThat(s.getUpdateCount()).isEqualTo(-1);
      assertThatThrownBy(() -> s.getMoreResults(Statement.KEEP_CURRENT_RESULT))
          .isInstanceOf(java.sql.SQLFeatureNotSupportedException.class)
          .hasMessageContaining("KEEP_CURRENT_RESULT");
    }
  }

  @Test
  void maxRowsLimitsTheRowsRead() throws SQLException {
    insertAlbums(10);
    try (Statement s = c.createStatement()) {
      s.setMaxRows(3);
      assertThat(Db.rows(s.executeQuery("SELECT id FROM album ORDER BY id")))
          .containsExactly("1", "2", "3");
    }
  }

  @Test
  void scrollInsensitiveResultSetsMoveBackwards() throws SQLException {
    insertAlbums(3);
    try (Statement s =
            c.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY);
        ResultSet rs = s.executeQuery("SELECT id FROM album ORDER BY id")) {
      assertThat(rs.getType()).isEqualTo(ResultSet.TYPE_SCROLL_INSENSITIVE);
      assertThat(rs.last()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(3);
      assertThat(rs.previous()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(2);
      assertThat(rs.first()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(1);
    }
  }

  @Test
  void closeOnCompletionClosesTheStatementWithItsResultSet() throws SQLException {
    Statement s = c.createStatement();
    s.closeOnCompletion();
    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM album");
    rs.close();
    assertThat(s.isClosed()).isTrue();
  }

  @Test
  void javaTimeAndOtherTypesRoundTripThroughSetObjectAndGetObject() throws SQLException {
    Db.exec(
        c,
        "CREATE TABLE kinds (id BIGINT PRIMARY KEY, d DATE, t TIME, ts TIMESTAMP,"
            + " n DECIMAL(10,2), b BOOLEAN, bin VARBINARY(8), x DOUBLE)");
    LocalDate d = LocalDate.of(2024, 2, 29);
    LocalTime t = LocalTime.of(13, 14, 15);
    LocalDateTime ts = LocalDateTime.of(2024, 2, 29, 13, 14, 15, 123_000_000);
    try (PreparedStatement p =
        c.prepareStatement("INSERT INTO kinds VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      p.setObject(1, 1);
      p.setObject(2, d);
      p.setObject(3, t);
      p.setObject(4, ts);
      p.setBigDecimal(5, new BigDecimal("12.50"));
      p.setBoolean(6, true);
      p.setBytes(7, new byte[] {1, 2, 3});
      p.setObject(8, "2.5", Types.DOUBLE);
      assertThat(p.executeUpdate()).isEqualTo(1);
    }
    try (ResultSet rs = c.createStatement().executeQuery("SELECT * FROM kinds")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getObject("d", LocalDate.class)).isEqualTo(d);
      assertThat(rs.getObject("t", LocalTime.class)).isEqualTo(t);
      assertThat(rs.getObject("ts", LocalDateTime.class)).isEqualTo(ts);
      assertThat(rs.getTimestamp("ts").toLocalDateTime()).isEqualTo(ts);
      assertThat(rs.getBigDecimal("n")).isEqualByComparingTo("12.5");
      assertThat(rs.getBoolean("b")).isTrue();
      assertThat(rs.getBytes("bin")).containsExactly(1, 2, 3);
      assertThat(rs.getDouble("x")).isEqualTo(2.5);
      assertThat(rs.getObject("d")).isInstanceOf(java.sql.Date.class);
      assertThat(rs.getMetaData().getColumnType(4)).isEqualTo(Types.TIMESTAMP);
    }
  }

  @Test
  void setNullAndWasNull() throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("INSERT INTO album (id, name, year) VALUES (?, ?, ?)")) {
      p.setLong(1, 1);
      p.setString(2, "x");
      p.setNull(3, Types.INTEGER);
      p.executeUpdate();
    }
    try (ResultSet rs = c.createStatement().executeQuery("SELECT year FROM album")) {
      rs.next();
      assertThat(rs.getInt(1)).isZero();
      assertThat(rs.wasNull()).isTrue();
    }
  }

  @Test
  void parameterMetadataAndUnboundParameters() throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("SELECT name FROM album WHERE id = ? AND released > ?")) {
      ParameterMetaData md = p.getParameterMetaData();
      assertThat(md.getParameterCount()).isEqualTo(2);
      assertThat(md.getParameterType(1)).isEqualTo(Types.BIGINT);
      assertThat(md.getParameterType(2)).isEqualTo(Types.DATE);
      assertThat(p.getMetaData().getColumnName(1)).isEqualTo("name");
      p.setLong(1, 1);
      assertThatThrownBy(p::executeQuery).hasMessageContaining("parameter 2");
      assertThatThrownBy(() -> p.setString(3, "x"))
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("07009"));
    }
  }

  @Test
  void generatedKeysComeBackForIdentityColumns() throws SQLException {
    Db.exec(
        c,
        "CREATE TABLE note (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
            + " body VARCHAR(100))");
    try (PreparedStatement p =
        c.prepareStatement("INSERT INTO note (body) VALUES (?)", Statement.RETURN_GENERATED_KEYS)) {
      p.setString(1, "first");
      p.addBatch();
      p.setString(1, "second");
      p.addBatch();
      p.executeBatch();
      ResultSet keys = p.getGeneratedKeys();
      assertThat(keys.next()).isTrue();
      long first = keys.getLong(1);
      assertThat(keys.next()).isTrue();
      long second = keys.getLong("id");
      assertThat(keys.next()).isFalse();
      assertThat(first).isNotEqualTo(second);
      assertThat(Db.rows(c, "SELECT body FROM note WHERE id = " + second))
          .containsExactly("second");
    }
    try (Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO note (body) VALUES ('third')", new String[] {"id"});
      ResultSet keys = s.getGeneratedKeys();
      assertThat(keys.next()).isTrue();
      assertThat(Db.rows(c, "SELECT body FROM note WHERE id = " + keys.getLong(1)))
          .containsExactly("third");
    }
  }

  @Test
  void cancelFromAnotherThreadStopsARunningQuery() throws Exception {
    insertAlbums(200);
    String slow = "SELECT COUNT(*) FROM album a, album b, album c, album d";
    try (Statement s = c.createStatement()) {
      CountDownLatch started = new CountDownLatch(1);
      CompletableFuture<Object> run =
          CompletableFuture.supplyAsync(
              () -> {
                started.countDown();
                try (ResultSet rs = s.executeQuery(slow)) {
                  return rs.next() ? rs.getLong(1) : null;
                } catch (SQLException e) {
                  return e;
                }
              });
      assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
      Object outcome = null;
      for (int i = 0; i < 2_000 && !run.isDone(); i++) {
        s.cancel(); // until the statement is running, cancel has nothing to stop
        try {
          outcome = run.get(50, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
          // still running: cancel again
        }
      }
      outcome = run.get(60, TimeUnit.SECONDS);
      assertThat(outcome).isInstanceOf(SQLException.class);
      assertThat(((SQLException) outcome).getSQLState()).isEqualTo("57014");
    }
  }

  @Test
  void queryTimeoutStopsALongQuery() throws SQLException {
    insertAlbums(200);
    try (Statement s = c.createStatement()) {
      s.setQueryTimeout(1);
      assertThatThrownBy(
              () -> {
                try (ResultSet rs =
                    s.executeQuery("SELECT COUNT(*) FROM album a, album b, album c, album d")) {
                  rs.next();
                }
              })
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("57014"));
    }
  }

  @Test
  void generatedKeysByColumnIndexNameTheDeclaredColumn() throws SQLException {
    Db.exec(
        c,
        "CREATE TABLE tag (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
            + " label VARCHAR(20))");
    try (PreparedStatement p =
        c.prepareStatement("INSERT INTO tag (label) VALUES (?)", new int[] {1})) {
      p.setString(1, "jazz");
      assertThat(p.executeUpdate()).isEqualTo(1);
      ResultSet keys = p.getGeneratedKeys();
      assertThat(keys.getMetaData().getColumnName(1)).isEqualTo("id");
      assertThat(keys.next()).isTrue();
      assertThat(Db.rows(c, "SELECT label FROM tag WHERE id = " + keys.getLong(1)))
          .containsExactly("jazz");
    }
    assertThatThrownBy(
            () -> c.prepareStatement("INSERT INTO tag (label) VALUES (?)", new int[] {3}))
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("07009"));
  }

  @Test
  void streamsReadersAndCalendarsAreBound() throws SQLException {
    Db.exec(
        c,
        "CREATE TABLE doc (id BIGINT PRIMARY KEY, body VARCHAR(100), raw VARBINARY(10),"
            + " stamp TIMESTAMP)");
    java.util.Calendar utc =
        java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone("UTC"), Locale.ROOT);
    java.sql.Timestamp instant =
        java.sql.Timestamp.from(java.time.Instant.parse("2024-05-06T07:08:09Z"));
    try (PreparedStatement p = c.prepareStatement("INSERT INTO doc VALUES (?, ?, ?, ?)")) {
      p.setLong(1, 1);
      p.setCharacterStream(2, new java.io.StringReader("from a reader"));
      p.setBinaryStream(3, new java.io.ByteArrayInputStream(new byte[] {9, 8, 7}));
      p.setTimestamp(4, instant, utc);
      p.executeUpdate();
    }
    try (ResultSet rs = c.createStatement().executeQuery("SELECT body, raw, stamp FROM doc")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("from a reader");
      assertThat(rs.getBytes(2)).containsExactly(9, 8, 7);
      assertThat(rs.getObject(3, LocalDateTime.class))
          .isEqualTo(LocalDateTime.of(2024, 5, 6, 7, 8, 9));
      assertThat(rs.getTimestamp(3, utc)).isEqualTo(instant);
    }
  }

  @Test
  void largeUpdatesAndBatchesCountRows() throws SQLException {
    insertAlbums(5);
    try (Statement s = c.createStatement()) {
      assertThat(s.executeLargeUpdate("UPDATE album SET year = year + 1 WHERE id > 2"))
          .isEqualTo(3L);
      s.addBatch("DELETE FROM album WHERE id = 1");
      s.addBatch("DELETE FROM album WHERE id > 3");
      assertThat(s.executeLargeBatch()).containsExactly(1L, 2L);
    }
    assertThat(Db.rows(c, "SELECT id, year FROM album ORDER BY id"))
        .containsExactly("2|1992", "3|1994");
  }

  @Test
  void vectorsJsonAndZonedTimestampsHaveTheirJavaForms() throws SQLException {
    Db.exec(
        c,
        "CREATE TABLE item (id BIGINT PRIMARY KEY, e VECTOR(3), doc JSON,"
            + " seen TIMESTAMP WITH TIME ZONE)");
    java.time.OffsetDateTime seen = java.time.OffsetDateTime.parse("2024-01-01T10:00:00+02:00");
    try (PreparedStatement p = c.prepareStatement("INSERT INTO item VALUES (?, ?, ?, ?)")) {
      p.setLong(1, 1);
      p.setObject(2, new float[] {1f, 2.5f, -3f});
      p.setString(3, "{\"a\":1}");
      p.setObject(4, seen);
      p.executeUpdate();
    }
    try (ResultSet rs = c.createStatement().executeQuery("SELECT e, doc, seen FROM item")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getObject(1, float[].class)).containsExactly(1f, 2.5f, -3f);
      assertThat(rs.getObject(1)).isInstanceOf(float[].class);
      assertThat(rs.getString(2)).isEqualTo("{\"a\":1}");
      assertThat(rs.getObject(3, java.time.OffsetDateTime.class).toInstant())
          .isEqualTo(seen.toInstant());
      assertThat(rs.getTimestamp(3).toInstant()).isEqualTo(seen.toInstant());
      assertThat(rs.getMetaData().getColumnTypeName(1)).isEqualTo("VECTOR");
      assertThat(rs.getMetaData().getColumnTypeName(2)).isEqualTo("JSON");
      assertThat(rs.getMetaData().getColumnType(3)).isEqualTo(Types.TIMESTAMP_WITH_TIMEZONE);
    }
  }
}
