package io.pluresdb.tck.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Batches of prepared and plain statements. */
class BatchTest {
  Connection c;

  @BeforeEach
  void open() throws Exception {
    c = Db.open(Db.memUrl());
    Db.exec(c, "CREATE TABLE event (id BIGINT PRIMARY KEY, kind VARCHAR(10) NOT NULL)");
  }

  @AfterEach
  void close() throws Exception {
    c.close();
  }

  @Test
  void preparedBatchInsertsEveryRowAndCountsEach() throws Exception {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO event VALUES (?, ?)")) {
      for (int i = 0; i < 2500; i++) {
        p.setLong(1, i);
        p.setString(2, i % 2 == 0 ? "even" : "odd");
        p.addBatch();
      }
      int[] counts = p.executeBatch();
      assertThat(counts).hasSize(2500);
      assertThat(
              java.util.stream.IntStream.of(counts)
                  .allMatch(n -> n == 1 || n == Statement.SUCCESS_NO_INFO))
          .isTrue();
      assertThat(p.executeBatch()).as("a batch is cleared after it runs").isEmpty();
    }
    assertThat(Db.count(c, "event")).isEqualTo(2500);
    assertThat(Db.scalar(c, "SELECT COUNT(*) FROM event WHERE kind = 'odd'")).isIn(1250, 1250L);
  }

  @Test
  void statementBatchRunsMixedStatementsInOrder() throws Exception {
    try (Statement s = c.createStatement()) {
      s.addBatch("INSERT INTO event VALUES (1, 'a')");
      s.addBatch("INSERT INTO event VALUES (2, 'b')");
      s.addBatch("UPDATE event SET kind = 'z'");
      s.addBatch("DELETE FROM event WHERE id = 1");
      assertThat(s.executeBatch()).containsExactly(1, 1, 2, 1);
    }
    assertThat(Db.scalar(c, "SELECT kind FROM event")).isEqualTo("z");
  }

  @Test
  void clearBatchDropsQueuedRows() throws Exception {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO event VALUES (?, ?)")) {
      p.setLong(1, 1);
      p.setString(2, "a");
      p.addBatch();
      p.clearBatch();
      assertThat(p.executeBatch()).isEmpty();
    }
    assertThat(Db.count(c, "event")).isZero();
  }

  @Test
  void failingRowRaisesBatchUpdateExceptionWithTheConstraintState() throws Exception {
    Db.exec(c, "INSERT INTO event VALUES (5, 'x')");
    try (PreparedStatement p = c.prepareStatement("INSERT INTO event VALUES (?, ?)")) {
      for (long id : new long[] {3, 4, 5, 6}) {
        p.setLong(1, id);
        p.setString(2, "y");
        p.addBatch();
      }
      BatchUpdateException e = catchThrowableOfType(BatchUpdateException.class, p::executeBatch);
      assertThat((Throwable) e).isNotNull();
      assertThat(e.getSQLState()).isEqualTo("23505");
      assertThat(e.getUpdateCounts()).isNotNull();
    }
  }

  @Test
  void batchInsideATransactionRollsBackAsAWhole() throws Exception {
    c.setAutoCommit(false);
    try (PreparedStatement p = c.prepareStatement("INSERT INTO event VALUES (?, ?)")) {
      for (int i = 0; i < 100; i++) {
        p.setLong(1, i);
        p.setString(2, "t");
        p.addBatch();
      }
      p.executeBatch();
    }
    c.rollback();
    assertThat(Db.count(c, "event")).isZero();
  }
}
