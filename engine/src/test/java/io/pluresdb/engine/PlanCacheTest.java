package io.pluresdb.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.engine.api.Planned;
import io.pluresdb.engine.api.Result;
import io.pluresdb.engine.api.Session;
import io.pluresdb.engine.support.Db;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCacheTest {
  @TempDir Path tmp;
  Db db;

  @BeforeEach
  void open() throws Exception {
    db = Db.open(tmp);
    db.exec("CREATE TABLE album (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL, year INTEGER)");
    db.exec("INSERT INTO album VALUES (1, 'a', 2000), (2, 'b', 2001)");
  }

  @org.junit.jupiter.api.AfterEach
  void close() throws Exception {
    db.close();
  }

  @Test
  void repeatedTextIsPlannedOnce() throws Exception {
    long before = db.planner().plansMade();
    for (int i = 0; i < 5; i++) {
      assertThat(db.rows("SELECT name FROM album WHERE id = 2")).containsExactly("b");
    }
    assertThat(db.planner().plansMade() - before).isEqualTo(1);
  }

  @Test
  void preparedStatementRunsManyTimesWithoutReplanning() throws Exception {
    Session s = db.session();
    Planned p = s.prepare("SELECT name FROM album WHERE id = ?");
    long before = db.planner().plansMade();
    for (long id = 1; id <= 2; id++) {
      Result r = s.execute(p, List.of(id), null, 0, 0);
      assertThat(Db.format(((Result.Rows) r).cursor())).hasSize(1);
    }
    assertThat(db.planner().plansMade()).isEqualTo(before);
    assertThat(p.parameterTypes()).hasSize(1);
  }

  @Test
  void sessionsShareThePlans() throws Exception {
    db.rows("SELECT COUNT(*) FROM album");
    long before = db.planner().plansMade();
    try (Session other = db.planner().openSession()) {
      Result r = other.execute(other.prepare("SELECT COUNT(*) FROM album"), List.of(), null, 0, 0);
      assertThat(Db.format(((Result.Rows) r).cursor())).containsExactly("2");
    }
    assertThat(db.planner().plansMade()).isEqualTo(before);
  }

  @Test
  void aSchemaChangeReplansAPreparedStatement() throws Exception {
    Session s = db.session();
    Planned p = s.prepare("SELECT * FROM album WHERE id = 1");
    assertThat(p.columns()).hasSize(3);
    db.exec("ALTER TABLE album ADD COLUMN note VARCHAR(10)");
    long before = db.planner().plansMade();
    Result r = s.execute(p, List.of(), null, 0, 0);
    assertThat(((Result.Rows) r).cursor().columns()).hasSize(4);
    assertThat(db.planner().plansMade()).isEqualTo(before + 1);
  }

  @Test
  @org.junit.jupiter.api.Timeout(180)
  void sessionsOnManyThreadsPlanAndReadTheSameRows() throws Exception {
    List<java.util.concurrent.Callable<List<String>>> tasks = new java.util.ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int n = t;
      tasks.add(
          () -> {
            List<String> seen = new java.util.ArrayList<>();
            try (Session s = db.planner().openSession()) {
              for (int i = 0; i < 50; i++) {
                // Half the texts are shared between threads, half are each thread's own.
                String sql =
                    "SELECT name FROM album WHERE id = "
                        + (i % 2 == 0 ? 1 : 2)
                        + (i % 4 < 2 ? "" : " AND " + n + " = " + n);
                Result r = s.execute(s.prepare(sql), List.of(), null, 0, 0);
                seen.addAll(Db.format(((Result.Rows) r).cursor()));
              }
            }
            return seen;
          });
    }
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      for (java.util.concurrent.Future<List<String>> f : pool.invokeAll(tasks)) {
        List<String> seen = f.get();
        assertThat(seen).hasSize(50).containsOnly("a", "b");
        assertThat(seen.stream().filter("a"::equals).count()).isEqualTo(25);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void writesAreCachedToo() throws Exception {
    Session s = db.session();
    Planned insert = s.prepare("INSERT INTO album VALUES (?, ?, ?)");
    long before = db.planner().plansMade();
    for (long id = 10; id < 20; id++) {
      s.execute(insert, List.of(id, "n" + id, 1990), null, 0, 0);
    }
    assertThat(db.planner().plansMade()).isEqualTo(before);
    assertThat(db.rows("SELECT COUNT(*) FROM album")).containsExactly("12");
  }
}
