package io.pluresdb.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.engine.api.Planned;
import io.pluresdb.engine.api.Result;
import io.pluresdb.engine.api.Session;
import io.pluresdb.engine.support.Db;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A prepared statement carries its plan: executing it neither plans nor looks up its text. */
class PreparedPlanTest {
  @TempDir Path tmp;
  Db db;

  @BeforeEach
  void open() throws Exception {
    db = Db.open(tmp);
    db.exec("CREATE TABLE album (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL, year INTEGER)");
    db.exec("INSERT INTO album VALUES (1, 'a', 2000), (2, 'b', 2001)");
  }

  @AfterEach
  void close() throws Exception {
    db.close();
  }

  private static List<String> rows(Result r) throws Exception {
    return Db.format(((Result.Rows) r).cursor());
  }

  @Test
  void executingAPreparedStatementNeitherPlansNorAsksTheCache() throws Exception {
    Session s = db.session();
    Planned select = s.prepare("SELECT name FROM album WHERE id = ?");
    Planned insert = s.prepare("INSERT INTO album VALUES (?, ?, ?)");
    long plans = db.planner().plansMade();
    long lookups = db.planner().cacheHits();
    for (long id = 10; id < 13; id++) {
      s.execute(insert, List.of(id, "n" + id, 1990), null, 0, 0);
      assertThat(rows(s.execute(select, List.of(id), null, 0, 0))).containsExactly("n" + id);
    }
    assertThat(db.planner().plansMade()).isEqualTo(plans);
    assertThat(db.planner().cacheHits()).isEqualTo(lookups);
  }

  @Test
  void aBatchOfAPreparedWriteDoesNotPlan() throws Exception {
    Session s = db.session();
    Planned insert = s.prepare("INSERT INTO album VALUES (?, ?, ?)");
    long plans = db.planner().plansMade();
    long lookups = db.planner().cacheHits();
    s.executeBatch(insert, List.of(List.of(20L, "x", 1), List.of(21L, "y", 2)), null, 0);
    assertThat(db.planner().plansMade()).isEqualTo(plans);
    assertThat(db.planner().cacheHits()).isEqualTo(lookups);
    assertThat(db.rows("SELECT COUNT(*) FROM album")).containsExactly("4");
  }

  @Test
  void afterDdlAPreparedStatementIsPlannedAgainOnceAndKeepsTheNewPlan() throws Exception {
    Session s = db.session();
    Planned p = s.prepare("SELECT * FROM album WHERE id = 1");
    long version = p.current().catalogVersion();
    db.exec("ALTER TABLE album ADD COLUMN note VARCHAR(10)");
    long plans = db.planner().plansMade();
    Result first = s.execute(p, List.of(), null, 0, 0);
    assertThat(((Result.Rows) first).cursor().columns()).hasSize(4);
    assertThat(db.planner().plansMade()).isEqualTo(plans + 1);
    assertThat(p.current().catalogVersion()).isGreaterThan(version);
    assertThat(p.columns()).hasSize(4);

    long lookups = db.planner().cacheHits();
    s.execute(p, List.of(), null, 0, 0);
    assertThat(db.planner().plansMade()).isEqualTo(plans + 1);
    assertThat(db.planner().cacheHits()).isEqualTo(lookups);
  }

  @Test
  void aPlanForATransactionsOwnDdlIsNotUsedOnceItIsRolledBack() throws Exception {
    Session s = db.session();
    s.setAutoCommit(false);
    db.exec("ALTER TABLE album ADD COLUMN note VARCHAR(10)");
    Planned p = s.prepare("SELECT * FROM album WHERE id = 1");
    assertThat(p.columns()).hasSize(4);
    s.rollback();
    Result r = s.execute(p, List.of(), null, 0, 0);
    assertThat(((Result.Rows) r).cursor().columns()).hasSize(3);
  }
}
