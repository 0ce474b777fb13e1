package io.pluresdb.tck.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Names people really give columns — year, name, value, date, timestamp, user — work unquoted, as
 * in SQLite and PostgreSQL, and unquoted names are case-insensitive.
 */
class CommonColumnNamesTest {
  Connection c;

  @BeforeEach
  void open() throws Exception {
    c = Db.open(Db.memUrl());
  }

  @AfterEach
  void close() throws Exception {
    c.close();
  }

  @Test
  void reservedLookingNamesWorkUnquotedInDdlDmlAndQueries() throws Exception {
    Db.exec(
        c,
        "CREATE TABLE reading (id INTEGER PRIMARY KEY, year INTEGER, name VARCHAR(20),"
            + " value DOUBLE, date DATE, timestamp TIMESTAMP, user VARCHAR(20))");
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO reading (id, year, name, value,"
                + " date, timestamp, user) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (int i = 1; i <= 3; i++) {
        p.setInt(1, i);
        p.setInt(2, 2020 + i);
        p.setString(3, "n" + i);
        p.setDouble(4, i * 1.5);
        p.setObject(5, LocalDate.of(2020 + i, 1, 1));
        p.setObject(6, LocalDateTime.of(2020 + i, 1, 1, 12, 0));
        p.setString(7, "u" + i);
        p.executeUpdate();
      }
    }
    Db.exec(c, "UPDATE reading SET value = value * 2, name = 'x' WHERE year = 2022");
    try (ResultSet rs =
        c.createStatement()
            .executeQuery(
                "SELECT year, name, value, date,"
                    + " timestamp, user FROM reading WHERE year > 2021 AND user <> 'u3'"
                    + " ORDER BY year, name, value, date, timestamp, user")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt("year")).isEqualTo(2022);
      assertThat(rs.getString("name")).isEqualTo("x");
      assertThat(rs.getDouble("value")).isEqualTo(6.0);
      assertThat(rs.getObject("date", LocalDate.class)).isEqualTo(LocalDate.of(2022, 1, 1));
      assertThat(rs.getObject("timestamp", LocalDateTime.class))
          .isEqualTo(LocalDateTime.of(2022, 1, 1, 12, 0));
      assertThat(rs.getString("user")).isEqualTo("u2");
      assertThat(rs.next()).isFalse();
    }
    assertThat(Db.scalar(c, "SELECT MAX(year) FROM reading GROUP BY user HAVING user = 'u1'"))
        .isIn(2021, 2021L);
  }

  @Test
  void unquotedNamesAreCaseInsensitive() throws Exception {
    Db.exec(
        c,
        "CREATE TABLE Album (Id INTEGER PRIMARY KEY, Year INTEGER)",
        "INSERT INTO ALBUM (ID, YEAR) VALUES (1, 1999)");
    assertThat(Db.scalar(c, "select year from album where id = 1")).isIn(1999, 1999L);
    assertThat(Db.scalar(c, "SELECT a.YEAR FROM album AS A WHERE A.Id = 1")).isIn(1999, 1999L);
  }

  @Test
  void theIssueExampleRunsEndToEnd() throws Exception {
    Db.exec(
        c,
        "CREATE TABLE artist (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL)",
        "CREATE TABLE album (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL, year INTEGER,"
            + " released DATE, artist_id BIGINT)",
        "INSERT INTO artist VALUES (1, 'Joni'), (2, 'Nina')",
        "INSERT INTO album VALUES (1, 'A', 2001, NULL, 1), (2, 'A', 2005, NULL, 2),"
            + " (3, 'B', 2003, NULL, 1), (4, 'C', 1999, NULL, 2)");
    try (ResultSet rs =
        c.createStatement()
            .executeQuery(
                "SELECT a.name, COUNT(*) FROM album a"
                    + " JOIN artist r ON a.artist_id = r.id WHERE a.year > 2000 GROUP BY a.name"
                    + " ORDER BY 2 DESC LIMIT 10")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("A");
      assertThat(rs.getLong(2)).isEqualTo(2);
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("B");
      assertThat(rs.getLong(2)).isEqualTo(1);
      assertThat(rs.next()).isFalse();
    }
  }
}
