package io.pluresdb.tck.jdbc;

import static io.pluresdb.tck.jdbc.Db.assertSqlState;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each kind of error has its exact SQLState, JDBC 4 subclass and a message naming the object. */
class SqlStateTest {
  Connection c;

  @BeforeEach
  void open() throws Exception {
    c = Db.open(Db.memUrl());
    Db.exec(
        c,
        "CREATE TABLE album (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL," + " year INTEGER)",
        "INSERT INTO album VALUES (1, 'Blue', 1971)");
  }

  @AfterEach
  void close() throws Exception {
    c.close();
  }

  @Test
  void badSqlIs42601() {
    SQLException e = assertSqlState("42601", () -> Db.exec(c, "SELEKT * FROM album"));
    assertThat((Throwable) e).isInstanceOf(SQLSyntaxErrorException.class);
  }

  @Test
  void unknownTableIs42P01AndNamesTheTable() {
    SQLException e = assertSqlState("42P01", () -> Db.exec(c, "SELECT * FROM no_such_table"));
    assertThat((Throwable) e).isInstanceOf(SQLSyntaxErrorException.class);
    assertThat(e.getMessage()).containsIgnoringCase("no_such_table");
    assertSqlState("42P01", () -> Db.exec(c, "INSERT INTO no_such_table VALUES (1)"));
  }

  @Test
  void unknownColumnIs42703AndNamesTheColumn() {
    SQLException e = assertSqlState("42703", () -> Db.exec(c, "SELECT colour FROM album"));
    assertThat((Throwable) e).isInstanceOf(SQLSyntaxErrorException.class);
    assertThat(e.getMessage()).containsIgnoringCase("colour");
    assertSqlState("42703", () -> Db.exec(c, "UPDATE album SET colour = 'red'"));
  }

  @Test
  void textIntoAnIntegerColumnIsADataException() throws Exception {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO album VALUES (?, ?, ?)")) {
      p.setLong(1, 2);
      p.setString(2, "x");
      p.setString(3, "abc");
      SQLException e =
          org.assertj.core.api.Assertions.catchThrowableOfType(
              SQLException.class, p::executeUpdate);
      assertThat((Throwable) e).as("'abc' into INTEGER column year").isNotNull();
      assertThat(e.getSQLState()).startsWith("22");
      assertThat((Throwable) e).isInstanceOf(SQLDataException.class);
      assertThat(e.getMessage()).containsIgnoringCase("year");
    }
    assertThat(Db.count(c, "album")).isEqualTo(1);
  }

  @Test
  void invalidDateCastIsADataException() {
    SQLException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            SQLException.class, () -> Db.scalar(c, "SELECT CAST('abc' AS DATE) FROM album"));
    assertThat((Throwable) e).isNotNull();
    assertThat(e.getSQLState()).isEqualTo("22007");
  }

  @Test
  void castOfTextToANumberTakesItsNumericPrefixAsSqliteDoes() throws SQLException {
    // SQLite's CAST never fails: the longest numeric prefix, or 0
    assertThat(((Number) Db.scalar(c, "SELECT CAST('12abc' AS INTEGER) FROM album")).longValue())
        .isEqualTo(12L);
    assertThat(((Number) Db.scalar(c, "SELECT CAST('abc' AS INTEGER) FROM album")).longValue())
        .isZero();
    assertThat(((Number) Db.scalar(c, "SELECT CAST('2.5x' AS REAL) FROM album")).doubleValue())
        .isEqualTo(2.5);
  }

  @Test
  void duplicateKeyIs23505AndNamesTheTable() {
    SQLException e =
        assertSqlState("23505", () -> Db.exec(c, "INSERT INTO album VALUES (1, 'Again', 2000)"));
    assertThat((Throwable) e).isInstanceOf(SQLIntegrityConstraintViolationException.class);
    assertThat(e.getMessage()).containsIgnoringCase("album");
  }

  @Test
  void missingNotNullValueIs23502AndNamesTheColumn() {
    SQLException e =
        assertSqlState("23502", () -> Db.exec(c, "INSERT INTO album (id, year) VALUES (2, 2000)"));
    assertThat((Throwable) e).isInstanceOf(SQLIntegrityConstraintViolationException.class);
    assertThat(e.getMessage()).containsIgnoringCase("name");
    assertSqlState("23502", () -> Db.exec(c, "UPDATE album SET name = NULL WHERE id = 1"));
  }

  @Test
  void closedConnectionIs08003() throws Exception {
    Connection closed = Db.open(Db.memUrl());
    closed.close();
    SQLException e = assertSqlState("08003", closed::createStatement);
    assertThat((Throwable) e).isInstanceOf(SQLNonTransientConnectionException.class);
  }

  @Test
  void creatingAnExistingTableIs42P07() {
    assertSqlState("42P07", () -> Db.exec(c, "CREATE TABLE album (id INTEGER PRIMARY KEY)"));
  }

  @Test
  void errorsLeaveTheDataUnchanged() throws Exception {
    for (String bad :
        new String[] {
          "INSERT INTO album VALUES (1, 'dup', 1)",
          "INSERT INTO album (id) VALUES (9)",
          "UPDATE album SET nope = 1"
        }) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> Db.exec(c, bad))
          .isInstanceOf(SQLException.class);
    }
    assertThat(Db.count(c, "album")).isEqualTo(1);
    assertThat(Db.scalar(c, "SELECT name FROM album WHERE id = 1")).isEqualTo("Blue");
  }
}
