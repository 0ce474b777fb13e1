package io.pluresdb.driver.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every failure of issue 2 part 5: its exception class, its SQLState, a message naming the object.
 */
@Timeout(180)
class ErrorsTest {
  private final String url = Db.freshMemoryUrl();
  private Connection c;

  @BeforeEach
  void open() throws SQLException {
    c = Db.connect(url);
    Db.createAlbums(c);
    Db.exec(c, "INSERT INTO album (id, name, year) VALUES (1, 'Kid A', 2000)");
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  private AbstractThrowableAssert<?, ? extends Throwable> failing(String sql) {
    return assertThatThrownBy(() -> Db.exec(c, sql));
  }

  private static String state(Throwable e) {
    return ((SQLException) e).getSQLState();
  }

  @Test
  void badSqlIsASyntaxError() {
    failing("SELEC name FROM album")
        .isInstanceOf(SQLSyntaxErrorException.class)
        .satisfies(e -> assertThat(state(e)).isEqualTo("42601"));
  }

  @Test
  void unknownTableIsNamed() {
    failing("SELECT * FROM albums")
        .isInstanceOf(SQLSyntaxErrorException.class)
        .hasMessageContaining("albums")
        .satisfies(e -> assertThat(state(e)).isEqualTo("42P01"));
  }

  @Test
  void unknownColumnIsNamed() {
    failing("SELECT title FROM album")
        .isInstanceOf(SQLSyntaxErrorException.class)
        .hasMessageContaining("title")
        .satisfies(e -> assertThat(state(e)).isEqualTo("42703"));
  }

  @Test
  void typeMismatchOfABoundValueNamesTheColumn() throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("INSERT INTO album (id, name, year) VALUES (?, ?, ?)")) {
      p.setLong(1, 2);
      p.setString(2, "Amnesiac");
      p.setString(3, "abc");
      assertThatThrownBy(p::executeUpdate)
          .isInstanceOf(SQLDataException.class)
          .hasMessageContaining("year")
          .satisfies(e -> assertThat(state(e)).startsWith("22"));
    }
  }

  @Test
  void duplicateKeyIsAUniqueViolation() {
    failing("INSERT INTO album (id, name) VALUES (1, 'again')")
        .isInstanceOf(SQLIntegrityConstraintViolationException.class)
        .hasMessageContaining("album")
        .satisfies(e -> assertThat(state(e)).isEqualTo("23505"));
  }

  @Test
  void missingNotNullValueNamesTheColumn() {
    failing("INSERT INTO album (id) VALUES (7)")
        .isInstanceOf(SQLIntegrityConstraintViolationException.class)
        .hasMessageContaining("name")
        .satisfies(e -> assertThat(state(e)).isEqualTo("23502"));
  }

  @Test
  void everyCallOnAClosedConnectionFailsWith08003() throws SQLException {
    Statement s = c.createStatement();
    c.close();
    assertThat(c.isClosed()).isTrue();
    assertThatThrownBy(c::createStatement)
        .isInstanceOf(SQLNonTransientConnectionException.class)
        .satisfies(e -> assertThat(state(e)).isEqualTo("08003"));
    assertThatThrownBy(() -> c.setAutoCommit(false))
        .satisfies(e -> assertThat(state(e)).isEqualTo("08003"));
    assertThatThrownBy(c::getMetaData).satisfies(e -> assertThat(state(e)).isEqualTo("08003"));
    assertThatThrownBy(() -> s.executeQuery("SELECT 1"))
        .satisfies(e -> assertThat(state(e)).isIn("55000", "08003"));
    assertThat(s.isClosed()).isTrue();
  }

  @Test
  void aFailedStatementInsideATransactionLeavesTheRestIntact() throws SQLException {
    c.setAutoCommit(false);
    Db.exec(c, "INSERT INTO album (id, name) VALUES (2, 'Amnesiac')");
    assertThatThrownBy(() -> Db.exec(c, "INSERT INTO album (id, name) VALUES (1, 'dup')"))
        .satisfies(e -> assertThat(state(e)).isEqualTo("23505"));
    Db.exec(c, "INSERT INTO album (id, name) VALUES (3, 'Hail to the Thief')");
    c.commit();
    assertThat(Db.rows(c, "SELECT id, name FROM album ORDER BY id"))
        .containsExactly("1|Kid A", "2|Amnesiac", "3|Hail to the Thief");
  }

  @Test
  void batchFailureReportsTheCountsBeforeIt() throws SQLException {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO album (id, name) VALUES (?, ?)")) {
      for (long id : new long[] {5, 6, 1, 8}) {
        p.setLong(1, id);
        p.setString(2, "n" + id);
        p.addBatch();
      }
      assertThatThrownBy(p::executeBatch)
          .isInstanceOfSatisfying(
              BatchUpdateException.class,
              e -> {
                assertThat(e.getUpdateCounts()).containsExactly(1, 1);
                assertThat(e.getSQLState()).isEqualTo("23505");
              });
    }
    // In auto-commit mode the items before the failure are committed, as one commit per item
    // would have left them, and auto-commit is on again.
    assertThat(c.getAutoCommit()).isTrue();
    try (Connection other = Db.connect(url)) {
      assertThat(Db.rows(other, "SELECT id FROM album ORDER BY id")).containsExactly("1", "5", "6");
    }
  }

  @Test
  void executeQueryAndExecuteUpdateRefuseTheOtherKind() throws SQLException {
    try (Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeQuery("DELETE FROM album"))
          .hasMessageContaining("executeQuery")
          .satisfies(e -> assertThat(state(e)).isEqualTo("HY010"));
      assertThatThrownBy(() -> s.executeUpdate("SELECT * FROM album"))
          .hasMessageContaining("executeUpdate")
          .satisfies(e -> assertThat(state(e)).isEqualTo("HY010"));
    }
    assertThat(Db.rows(c, "SELECT COUNT(*) FROM album")).containsExactly("1");
  }

  @Test
  void unsupportedCallsNameTheMethod() {
    assertThatThrownBy(() -> c.prepareCall("CALL x()"))
        .isInstanceOf(java.sql.SQLFeatureNotSupportedException.class)
        .hasMessageContaining("prepareCall");
    assertThatThrownBy(
            () ->
                c.createStatement(
                    java.sql.ResultSet.TYPE_SCROLL_SENSITIVE, java.sql.ResultSet.CONCUR_READ_ONLY))
        .isInstanceOf(java.sql.SQLFeatureNotSupportedException.class)
        .hasMessageContaining("TYPE_SCROLL_SENSITIVE");
    assertThatThrownBy(() -> c.createStatement(java.sql.ResultSet.TYPE_FORWARD_ONLY, 1234))
        .hasMessageContaining("concurrency 1234");
  }
}
