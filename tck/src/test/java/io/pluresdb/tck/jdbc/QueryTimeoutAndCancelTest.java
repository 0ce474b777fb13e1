package io.pluresdb.tck.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A long query stops at its timeout, or when another thread cancels it, with 57014. */
class QueryTimeoutAndCancelTest {
  /** A three-way cross join of 1,000 rows: a billion combinations, far beyond any timeout. */
  static final String ENDLESS = "SELECT COUNT(*) FROM n a, n b, n c WHERE a.x + b.x + c.x >= 0";

  Connection c;
  ExecutorService pool = Executors.newSingleThreadExecutor();

  @BeforeEach
  void open() throws Exception {
    c = Db.open(Db.memUrl());
    Db.exec(c, "CREATE TABLE n (x INTEGER PRIMARY KEY)");
    try (PreparedStatement p = c.prepareStatement("INSERT INTO n VALUES (?)")) {
      for (int i = 0; i < 1000; i++) {
        p.setInt(1, i);
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  @AfterEach
  void close() throws Exception {
    pool.shutdownNow();
    c.close();
  }

  @Test
  @Timeout(180)
  void queryTimeoutStopsALongQueryWith57014() throws Exception {
    try (Statement s = c.createStatement()) {
      s.setQueryTimeout(1);
      assertThat(s.getQueryTimeout()).isEqualTo(1);
      SQLException e =
          org.assertj.core.api.Assertions.catchThrowableOfType(
              SQLException.class, () -> s.executeQuery(ENDLESS).next());
      assertThat((Throwable) e).as("the query must be stopped").isNotNull();
      assertThat((Throwable) e).isInstanceOf(SQLTimeoutException.class);
      assertThat(e.getSQLState()).isEqualTo("57014");
    }
    assertThat(c.isValid(1)).as("the connection survives a timeout").isTrue();
    assertThat(Db.count(c, "n")).isEqualTo(1000);
  }

  @Test
  @Timeout(180)
  void cancelFromAnotherThreadStopsTheRunningQuery() throws Exception {
    Statement s = c.createStatement();
    Future<Object> running =
        pool.submit(
            () -> {
              try (ResultSet rs = s.executeQuery(ENDLESS)) {
                rs.next();
                return rs.getLong(1);
              }
            });
    // cancel() only affects a statement that is running, and there is no signal for "started",
    // so keep cancelling at short bounded intervals until the query gives up.
    Throwable outcome = null;
    while (outcome == null) {
      s.cancel();
      try {
        Object value = running.get(100, TimeUnit.MILLISECONDS);
        outcome = new AssertionError("query finished with " + value + " despite cancel()");
      } catch (TimeoutException stillRunning) {
        // not yet stopped: cancel again
      } catch (ExecutionException e) {
        outcome = e.getCause();
      }
    }
    assertThat(outcome).isInstanceOf(SQLException.class);
    assertThat(((SQLException) outcome).getSQLState()).isEqualTo("57014");
    s.close();
    assertThat(Db.count(c, "n")).as("the connection is usable after cancel").isEqualTo(1000);
  }
}
