package io.pluresdb.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.engine.api.Cursor;
import io.pluresdb.engine.api.Result;
import io.pluresdb.engine.api.Session;
import io.pluresdb.engine.support.Db;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SequenceValueTest {
  @TempDir Path tmp;
  Db db;

  @BeforeEach
  void open() throws SQLException {
    db = Db.open(tmp);
  }

  @AfterEach
  void close() throws SQLException {
    db.close();
  }

  private long next(String sql) throws SQLException {
    return Long.parseLong(db.rows(sql).get(0));
  }

  @Test
  void eachValueReservesTheIncrementBelowItForThisNode() throws SQLException {
    db.exec("CREATE SEQUENCE s START WITH 1 INCREMENT BY 50");
    db.exec("CREATE SEQUENCE t");
    Set<Long> handedOut = new HashSet<>();
    long previous = 0;
    for (int i = 0; i < 300; i++) {
      long hi = next("SELECT NEXT VALUE FOR s");
      assertThat(hi).isGreaterThan(previous);
      previous = hi;
      for (long v = hi - 49; v <= hi; v++) {
        assertThat(handedOut.add(v)).as("value %d handed out twice", v).isTrue();
      }
      long single = next(i % 2 == 0 ? "VALUES NEXT VALUE FOR t" : "select next value for t as id");
      assertThat(handedOut.add(single)).as("value %d handed out twice", single).isTrue();
    }
  }

  @Test
  void aSequenceCreatedInATransactionIsUsableInIt() throws SQLException {
    Session s = db.session();
    s.setAutoCommit(false);
    s.execute(s.prepare("CREATE SEQUENCE tx_seq"), List.of(), null, 0, 0);
    Result r = s.execute(s.prepare("SELECT NEXT VALUE FOR tx_seq"), List.of(), null, 0, 0);
    try (Cursor c = ((Result.Rows) r).cursor()) {
      assertThat(Db.format(c)).hasSize(1);
    }
    s.rollback();
    assertThat(db.store().catalog().sequences()).doesNotContainKey("tx_seq");
  }
}
