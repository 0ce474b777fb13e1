package io.pluresdb.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Statements too deep for the planner's (or SQLite's) recursion fail as SQLExceptions with 54001,
 * never as a {@link StackOverflowError}; huge parameter lists work.
 */
@Timeout(120)
class DeepNestingTest {
  Connection c;

  @BeforeEach
  void open() throws SQLException {
    c = DriverManager.getConnection("jdbc:pluresdb:mem:deep_" + UUID.randomUUID());
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER)");
      s.execute("INSERT INTO t VALUES (1, 1), (2, 2)");
    }
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  private void assertTooComplex(String sql) {
    Throwable thrown =
        catchThrowable(
            () -> {
              try (Statement s = c.createStatement();
                  ResultSet rs = s.executeQuery(sql)) {
                rs.next();
              }
            });
    assertThat(thrown).isInstanceOf(SQLException.class);
    assertThat(((SQLException) thrown).getSQLState()).isEqualTo("54001");
    assertThat(thrown.getMessage()).contains("too complex");
  }

  @Test
  void tenThousandAndedPredicatesAreTooComplexAsInSqlite() {
    // SQLite itself refuses them: its expression depth limit is 1000
    StringBuilder sql = new StringBuilder("SELECT count(*) FROM t WHERE a = 1");
    for (int i = 0; i < 10_000; i++) {
      sql.append(" AND a = 1");
    }
    assertTooComplex(sql.toString());
  }

  @Test
  void deeplyNestedParenthesesAreTooComplex() {
    assertTooComplex("SELECT " + "(".repeat(20_000) + "1" + ")".repeat(20_000));
  }

  @Test
  void deeplyNestedSubqueriesAreTooComplex() {
    assertTooComplex(
        "SELECT a FROM " + "(SELECT a FROM ".repeat(3_000) + "t" + ") x".repeat(3_000));
  }

  @Test
  void aLongSumBeyondSqlitesExpressionDepthIsTooComplex() {
    assertTooComplex("SELECT 1" + "+1".repeat(2_000));
  }

  @Test
  void explainOfARecursiveCommonTableExpressionDoesNotThrowAnError() throws SQLException {
    String sql =
        "EXPLAIN WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5)"
            + " SELECT n FROM r";
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertThat(rs.next()).isTrue();
    } catch (SQLException e) {
      assertThat(e.getSQLState()).isNotNull();
    }
  }

  @Test
  void thirtyThousandParametersArePreparedAndBound() throws SQLException {
    int n = 30_000;
    StringBuilder sql = new StringBuilder("SELECT count(*) FROM t WHERE a IN (?");
    sql.append(",?".repeat(n - 1)).append(')');
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      assertThat(ps.getParameterMetaData().getParameterCount()).isEqualTo(n);
      for (int i = 1; i <= n; i++) {
        ps.setInt(i, i == n ? 2 : -i);
      }
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(1);
      }
    }
  }
}
