package io.pluresdb.tck.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Auto-commit, commit and rollback, and what other connections see. */
class TransactionTest {
  @TempDir Path dir;
  String url;

  @BeforeEach
  void createTable() throws Exception {
    url = Db.fileUrl(dir, "tx");
    try (Connection c = Db.open(url)) {
      Db.exec(
          c,
          "CREATE TABLE account (id INTEGER PRIMARY KEY, owner VARCHAR(20) NOT NULL,"
              + " balance INTEGER)");
    }
  }

  @Test
  void rollbackDiscardsEveryWriteOfTheTransaction() throws Exception {
    try (Connection c = Db.open(url)) {
      c.setAutoCommit(false);
      Db.exec(
          c,
          "INSERT INTO account VALUES (1, 'ann', 10)",
          "INSERT INTO account VALUES (2, 'bob', 20)");
      assertThat(Db.count(c, "account")).as("own writes are visible").isEqualTo(2);
      c.rollback();
      assertThat(Db.count(c, "account")).isZero();
    }
  }

  @Test
  void commitMakesWritesVisibleToOtherConnectionsOnlyAfterCommit() throws Exception {
    try (Connection writer = Db.open(url);
        Connection reader = Db.open(url)) {
      writer.setAutoCommit(false);
      Db.exec(writer, "INSERT INTO account VALUES (1, 'ann', 10)");
      assertThat(Db.count(reader, "account")).as("uncommitted write is not visible").isZero();
      writer.commit();
      assertThat(Db.count(reader, "account")).isEqualTo(1);
    }
  }

  @Test
  void updatesAndDeletesRollBackToTheCommittedState() throws Exception {
    try (Connection c = Db.open(url)) {
      Db.exec(
          c,
          "INSERT INTO account VALUES (1, 'ann', 10)",
          "INSERT INTO account VALUES (2, 'bob', 20)");
      c.setAutoCommit(false);
      Db.exec(
          c,
          "UPDATE account SET balance = balance + 5 WHERE id = 1",
          "DELETE FROM account WHERE id = 2");
      c.rollback();
      assertThat(Db.scalar(c, "SELECT balance FROM account WHERE id = 1")).isIn(10, 10L);
      assertThat(Db.count(c, "account")).isEqualTo(2);
    }
  }

  @Test
  void switchingAutoCommitOnCommitsThePendingTransaction() throws Exception {
    try (Connection c = Db.open(url);
        Connection other = Db.open(url)) {
      c.setAutoCommit(false);
      Db.exec(c, "INSERT INTO account VALUES (1, 'ann', 10)");
      c.setAutoCommit(true);
      assertThat(Db.count(other, "account")).isEqualTo(1);
    }
  }

  @Test
  void closingWithAnOpenTransactionDoesNotCommitIt() throws Exception {
    try (Connection c = Db.open(url)) {
      c.setAutoCommit(false);
      Db.exec(c, "INSERT INTO account VALUES (1, 'ann', 10)");
    }
    try (Connection c = Db.open(url)) {
      assertThat(Db.count(c, "account")).isZero();
    }
  }

  @Test
  void failedStatementInsideATransactionLeavesCommittedDataIntact() throws Exception {
    try (Connection c = Db.open(url)) {
      Db.exec(c, "INSERT INTO account VALUES (1, 'ann', 10)");
      c.setAutoCommit(false);
      Db.exec(c, "INSERT INTO account VALUES (2, 'bob', 20)");
      assertThatThrownBy(() -> Db.exec(c, "INSERT INTO account VALUES (1, 'dup', 0)"))
          .isInstanceOf(SQLException.class);
      assertThatThrownBy(() -> Db.exec(c, "INSERT INTO account VALUES (3, NULL, 0)"))
          .isInstanceOf(SQLException.class);
      c.rollback();
      c.setAutoCommit(true);
      assertThat(Db.count(c, "account")).isEqualTo(1);
      assertThat(Db.scalar(c, "SELECT owner FROM account WHERE id = 1")).isEqualTo("ann");
    }
  }

  @Test
  void failedStatementDoesNotUndoEarlierStatementsOfTheSameTransaction() throws Exception {
    try (Connection c = Db.open(url)) {
      c.setAutoCommit(false);
      Db.exec(c, "INSERT INTO account VALUES (1, 'ann', 10)");
      assertThatThrownBy(() -> Db.exec(c, "INSERT INTO account VALUES (1, 'dup', 0)"))
          .isInstanceOf(SQLException.class);
      c.commit();
    }
    try (Connection c = Db.open(url)) {
      assertThat(Db.scalar(c, "SELECT owner FROM account WHERE id = 1")).isEqualTo("ann");
    }
  }

  @Test
  void failedMultiRowInsertInAutoCommitWritesNothing() throws Exception {
    try (Connection c = Db.open(url)) {
      Db.exec(c, "INSERT INTO account VALUES (1, 'ann', 10)");
      assertThatThrownBy(
              () ->
                  Db.exec(
                      c,
                      "INSERT INTO account VALUES (2, 'bob', 20), (1, 'dup', 0), (3, 'cid', 30)"))
          .isInstanceOf(SQLException.class);
      assertThat(Db.count(c, "account")).as("a statement is atomic").isEqualTo(1);
    }
  }
}
