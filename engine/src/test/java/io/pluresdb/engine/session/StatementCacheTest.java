package io.pluresdb.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.engine.support.Db;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatementCacheTest {
  @TempDir Path tmp;

  @Test
  void aStatementIsReusedOnceReleasedAndNeverSharedWhileInUse() throws Exception {
    try (Db db = Db.open(tmp);
        Connection c = db.store().openReader()) {
      StatementCache cache = new StatementCache(4);
      PreparedStatement first = cache.acquire(c, "SELECT 1");
      PreparedStatement second = cache.acquire(c, "SELECT 1");
      assertThat(second).isNotSameAs(first);
      cache.release(second);
      assertThat(second.isClosed()).as("the extra statement is not kept").isTrue();
      cache.release(first);
      assertThat(cache.acquire(c, "SELECT 1")).isSameAs(first);
      cache.closeAll();
      assertThat(first.isClosed()).isTrue();
    }
  }

  @Test
  void retiringClosesIdleStatementsAtOnceAndBusyOnesOnRelease() throws Exception {
    try (Db db = Db.open(tmp);
        Connection c = db.store().openReader()) {
      StatementCache cache = new StatementCache(4);
      PreparedStatement idle = cache.acquire(c, "SELECT 1");
      cache.release(idle);
      PreparedStatement busy = cache.acquire(c, "SELECT 2");
      cache.retire();
      assertThat(idle.isClosed()).isTrue();
      assertThat(busy.isClosed()).as("a cursor still reads from it").isFalse();
      cache.release(busy);
      assertThat(busy.isClosed()).isTrue();
      PreparedStatement fresh = cache.acquire(c, "SELECT 1");
      assertThat(fresh).isNotSameAs(idle);
      assertThat(fresh.isClosed()).isFalse();
      cache.closeAll();
    }
  }
}
