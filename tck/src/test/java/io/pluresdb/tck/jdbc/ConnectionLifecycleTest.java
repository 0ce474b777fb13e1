package io.pluresdb.tck.jdbc;

import static io.pluresdb.tck.jdbc.Db.assertSqlState;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening, validating, configuring and closing a connection. */
class ConnectionLifecycleTest {
  @TempDir Path dir;

  @Test
  void newConnectionIsOpenValidAndAutoCommitting() throws Exception {
    try (Connection c = Db.open(Db.fileUrl(dir, "life"))) {
      assertThat(c.isClosed()).isFalse();
      assertThat(c.isValid(1)).isTrue();
      assertThat(c.getAutoCommit()).isTrue();
      assertThat(c.isReadOnly()).isFalse();
      assertThat((Object) c.getWarnings()).isNull();
    }
  }

  @Test
  void closedConnectionIsInvalidAndRefusesWorkWith08003() throws Exception {
    Connection c = Db.open(Db.fileUrl(dir, "closed"));
    Statement before = c.createStatement();
    c.close();
    assertThat(c.isClosed()).isTrue();
    assertThat(c.isValid(1)).isFalse();
    assertThat(before.isClosed()).as("statements close with their connection").isTrue();
    assertSqlState("08003", c::createStatement);
    assertSqlState("08003", () -> c.prepareStatement("SELECT 1"));
    assertSqlState("08003", c::commit);
    assertSqlState("08003", () -> c.setAutoCommit(false));
    c.close(); // closing twice is a no-op
  }

  @Test
  void isValidRejectsNegativeTimeout() throws Exception {
    try (Connection c = Db.open(Db.memUrl())) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.isValid(-1))
          .isInstanceOf(SQLException.class);
    }
  }

  @Test
  void readOnlyConnectionReadsButRefusesWritesWith25006() throws Exception {
    String url = Db.fileUrl(dir, "ro");
    try (Connection c = Db.open(url)) {
      Db.exec(
          c,
          "CREATE TABLE t (id INTEGER PRIMARY KEY, v VARCHAR(10))",
          "INSERT INTO t VALUES (1, 'a')");
      c.setReadOnly(true);
      assertThat(c.isReadOnly()).isTrue();
      assertThat(Db.count(c, "t")).isEqualTo(1);
      assertSqlState("25006", () -> Db.exec(c, "INSERT INTO t VALUES (2, 'b')"));
      c.setReadOnly(false);
      Db.exec(c, "INSERT INTO t VALUES (2, 'b')");
      assertThat(Db.count(c, "t")).isEqualTo(2);
    }
  }

  @Test
  void isolationLevelsAreSetExactlyWhenMetadataSaysTheyAreSupported() throws Exception {
    try (Connection c = Db.open(Db.memUrl())) {
      DatabaseMetaData md = c.getMetaData();
      assertThat(md.supportsTransactionIsolationLevel(md.getDefaultTransactionIsolation()))
          .isTrue();
      assertThat(c.getTransactionIsolation()).isEqualTo(md.getDefaultTransactionIsolation());
      int[] levels = {
        Connection.TRANSACTION_READ_UNCOMMITTED,
        Connection.TRANSACTION_READ_COMMITTED,
        Connection.TRANSACTION_REPEATABLE_READ,
        Connection.TRANSACTION_SERIALIZABLE
      };
      for (int level : levels) {
        if (md.supportsTransactionIsolationLevel(level)) {
          c.setTransactionIsolation(level);
          // JDBC lets a driver answer with a stricter level, never a weaker one.
          assertThat(c.getTransactionIsolation())
              .as("level %d", level)
              .isGreaterThanOrEqualTo(level);
        } else {
          int current = c.getTransactionIsolation();
          try {
            c.setTransactionIsolation(level);
            assertThat(c.getTransactionIsolation())
                .as("unsupported level %d", level)
                .isGreaterThanOrEqualTo(level);
          } catch (SQLException refused) {
            assertThat(c.getTransactionIsolation()).isEqualTo(current);
          }
        }
      }
      assertThat(md.supportsTransactions()).isTrue();
    }
  }

  @Test
  void schemaAndCatalogAnswersDoNotThrow() throws Exception {
    try (Connection c = Db.open(Db.memUrl())) {
      c.getCatalog();
      c.getSchema();
      assertThat(c.getHoldability())
          .isIn(
              java.sql.ResultSet.HOLD_CURSORS_OVER_COMMIT,
              java.sql.ResultSet.CLOSE_CURSORS_AT_COMMIT);
      assertThat(c.getClientInfo()).isNotNull();
    }
  }
}
