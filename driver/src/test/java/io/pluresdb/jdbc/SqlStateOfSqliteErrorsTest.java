package io.pluresdb.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite reports its failures with a null SQLState; through the driver each reachable one has its
 * standard state, so that Spring's and pools' exception translation works.
 */
class SqlStateOfSqliteErrorsTest {
  @TempDir Path dir;

  private static SQLException failure(ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).isInstanceOf(SQLException.class);
    SQLException e = (SQLException) thrown;
    assertThat(e.getSQLState()).as("state of: %s", e.getMessage()).isNotNull();
    return e;
  }

  private static void query(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
    }
  }

  private static Connection memory() throws SQLException {
    return DriverManager.getConnection("jdbc:pluresdb:mem:states_" + UUID.randomUUID());
  }

  @Test
  void aValueBeyondSqlitesLengthLimitIsAProgramLimit() throws SQLException {
    try (Connection c = memory()) {
      SQLException e = failure(() -> query(c, "SELECT printf('%.*c', 2000000000, 'x')"));
      assertThat(e.getSQLState()).isEqualTo("54000");
      assertThat(e.getMessage()).contains("too big");
    }
  }

  @Test
  void anExpressionBeyondSqlitesDepthLimitIsTooComplex() throws SQLException {
    try (Connection c = memory()) {
      SQLException e = failure(() -> query(c, "SELECT 1" + "+1".repeat(1_500)));
      assertThat(e.getSQLState()).isEqualTo("54001");
    }
  }

  @Test
  void aFileThatIsNotADatabaseIsCorruptData() throws Exception {
    Path file = dir.resolve("junk.db");
    byte[] junk = new byte[8192];
    new Random(7).nextBytes(junk);
    Files.write(file, junk);
    SQLException e = failure(() -> DriverManager.getConnection("jdbc:pluresdb:" + file).close());
    assertThat(e.getSQLState()).isEqualTo("XX001");
    assertThat(e.getMessage()).contains("not a database");
  }

  @Test
  void aDuplicateKeyIsAUniqueViolation() throws SQLException {
    try (Connection c = memory();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE k (id INTEGER PRIMARY KEY, v INTEGER UNIQUE)");
      s.execute("INSERT INTO k VALUES (1, 1)");
      SQLException e = failure(() -> s.execute("INSERT INTO k VALUES (2, 1)"));
      assertThat(e.getSQLState()).isEqualTo("23505");
    }
  }
}
