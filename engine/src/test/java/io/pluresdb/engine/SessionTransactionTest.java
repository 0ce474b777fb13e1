package io.pluresdb.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pluresdb.engine.api.Cursor;
import io.pluresdb.engine.api.Planned;
import io.pluresdb.engine.api.Result;
import io.pluresdb.engine.api.Session;
import io.pluresdb.engine.support.Db;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionTransactionTest {
  @TempDir Path tmp;
  Db db;
  Session other;

  @BeforeEach
  void open() throws Exception {
    db = Db.open(tmp);
    db.exec("CREATE TABLE album (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL)");
    other = db.planner().openSession();
  }

  @AfterEach
  void close() throws Exception {
    other.close();
    db.close();
  }

  private List<String> rows(Session s, String sql, Object... params) throws SQLException {
    Result r = s.execute(s.prepare(sql), Arrays.asList(params), null, 0, 0);
    return Db.format(((Result.Rows) r).cursor());
  }

  @Test
  void eachAutoCommitWriteIsOneTransactionInTheLog() throws Exception {
    int before = db.store().log().size();
    db.exec("INSERT INTO album VALUES (1, 'a')");
    db.exec("UPDATE album SET name = 'b' WHERE id = 1");
    assertThat(db.store().log()).hasSize(before + 2);
    assertThat(rows(other, "SELECT name FROM album")).containsExactly("b");
  }

  @Test
  void aManualTransactionIsSeenByItsSessionOnlyUntilCommit() throws Exception {
    db.session().setAutoCommit(false);
    db.exec("INSERT INTO album VALUES (1, 'a')");
    assertThat(db.session().inTransaction()).isTrue();
    assertThat(db.rows("SELECT name FROM album")).containsExactly("a");
    assertThat(rows(other, "SELECT name FROM album")).isEmpty();
    db.session().commit();
    assertThat(rows(other, "SELECT name FROM album")).containsExactly("a");
  }

  @Test
  void selectForUpdateInATransactionHoldsTheWriterUntilCommit() throws Exception {
    db.exec("INSERT INTO album VALUES (1, 'a')");
    db.session().setAutoCommit(false);
    assertThat(db.rows("SELECT name FROM album WHERE id = ? FOR UPDATE", 1L)).containsExactly("a");
    assertThat(db.session().inTransaction()).isTrue();
    other.setWriterWait(Duration.ZERO);
    assertThatThrownBy(
            () ->
                other.execute(other.prepare("UPDATE album SET name = 'b'"), List.of(), null, 0, 0))
        .extracting("SQLState")
        .isEqualTo("55P03");
    db.session().commit();
    other.execute(other.prepare("UPDATE album SET name = 'b'"), List.of(), null, 0, 0);
    assertThat(db.rows("select name from album for update of album skip locked"))
        .containsExactly("b");
  }

  @Test
  void forUpdateInAutoCommitIsAPlainRead() throws Exception {
    db.exec("INSERT INTO album VALUES (1, 'a')");
    assertThat(db.rows("SELECT name FROM album FOR UPDATE NOWAIT")).containsExactly("a");
    assertThat(db.session().inTransaction()).isFalse();
    assertThatThrownBy(() -> db.exec("DELETE FROM album FOR UPDATE"))
        .extracting("SQLState")
        .isEqualTo("42601");
  }

  @Test
  void rollbackDiscardsTheTransaction() throws Exception {
    db.session().setAutoCommit(false);
    db.exec("INSERT INTO album VALUES (1, 'a')");
    db.session().rollback();
    assertThat(db.rows("SELECT COUNT(*) FROM album")).containsExactly("0");
    assertThat(db.session().inTransaction()).isFalse();
  }

  @Test
  void aFailedStatementLeavesEarlierWorkOfTheTransactionIntact() throws Exception {
    db.session().setAutoCommit(false);
    db.exec("INSERT INTO album VALUES (1, 'a')");
    assertThatThrownBy(() -> db.exec("INSERT INTO album VALUES (2, 'b'), (1, 'dup')"))
        .isInstanceOf(SQLException.class)
        .hasFieldOrPropertyWithValue("SQLState", "23505");
    db.exec("INSERT INTO album VALUES (3, 'c')");
    db.session().commit();
    assertThat(rows(other, "SELECT id FROM album ORDER BY id")).containsExactly("1", "3");
  }

  @Test
  void aFailedSingleRowInsertLeavesTheTransactionUsable() throws Exception {
    db.session().setAutoCommit(false);
    db.exec("INSERT INTO album VALUES (1, 'a')");
    assertThatThrownBy(() -> db.exec("INSERT INTO album VALUES (1, 'dup')"))
        .hasFieldOrPropertyWithValue("SQLState", "23505");
    assertThatThrownBy(() -> db.exec("INSERT INTO album VALUES (2, NULL)"))
        .hasFieldOrPropertyWithValue("SQLState", "23502");
    db.exec("INSERT INTO album VALUES (2, 'b')");
    db.session().commit();
    assertThat(rows(other, "SELECT id, name FROM album ORDER BY id")).containsExactly("1|a", "2|b");
  }

  @Test
  void beginCommitAndRollbackStatementsControlTheTransaction() throws Exception {
    db.exec("BEGIN");
    db.exec("INSERT INTO album VALUES (1, 'a')");
    assertThat(rows(other, "SELECT COUNT(*) FROM album")).containsExactly("0");
    db.exec("COMMIT");
    assertThat(rows(other, "SELECT COUNT(*) FROM album")).containsExactly("1");
    db.exec("BEGIN TRANSACTION");
    db.exec("DELETE FROM album");
    db.exec("ROLLBACK");
    assertThat(db.rows("SELECT COUNT(*) FROM album")).containsExactly("1");
    assertThat(db.session().autoCommit()).isTrue();
  }

  @Test
  void sqliteSpellingsOfBeginAndCommitControlTheTransaction() throws Exception {
    db.exec("BEGIN IMMEDIATE;");
    db.exec("INSERT INTO album VALUES (1, 'a')");
    assertThat(rows(other, "SELECT COUNT(*) FROM album")).containsExactly("0");
    db.exec("END TRANSACTION");
    assertThat(rows(other, "SELECT COUNT(*) FROM album")).containsExactly("1");
    db.exec("start deferred");
    db.exec("DELETE FROM album");
    db.exec("end");
    assertThat(rows(other, "SELECT COUNT(*) FROM album")).containsExactly("0");
  }

  @Test
  void ddlInATransactionIsVisibleToItAndUndoneByRollback() throws Exception {
    db.session().setAutoCommit(false);
    db.exec("CREATE TABLE t (x INTEGER)");
    db.exec("INSERT INTO t VALUES (1)");
    assertThat(db.rows("SELECT x FROM t")).containsExactly("1");
    db.session().rollback();
    assertThatThrownBy(() -> db.rows("SELECT x FROM t"))
        .hasFieldOrPropertyWithValue("SQLState", "42P01");
  }

  @Test
  void switchingAutoCommitOnCommits() throws Exception {
    db.session().setAutoCommit(false);
    db.exec("INSERT INTO album VALUES (1, 'a')");
    db.session().setAutoCommit(true);
    assertThat(rows(other, "SELECT COUNT(*) FROM album")).containsExactly("1");
  }

  @Test
  void aReadOnlySessionRefusesWritesButReads() throws Exception {
    db.exec("INSERT INTO album VALUES (1, 'a')");
    other.setReadOnly(true);
    assertThatThrownBy(
            () ->
                other.execute(
                    other.prepare("INSERT INTO album VALUES (2, 'b')"), List.of(), null, 0, 0))
        .hasFieldOrPropertyWithValue("SQLState", "25006");
    assertThatThrownBy(
            () -> other.execute(other.prepare("CREATE TABLE x (y INTEGER)"), List.of(), null, 0, 0))
        .hasFieldOrPropertyWithValue("SQLState", "25006");
    assertThat(rows(other, "SELECT name FROM album")).containsExactly("a");
  }

  @Test
  void aWriteWaitsForTheWriterNoLongerThanTheSessionsWriterWait() throws Exception {
    db.session().setAutoCommit(false);
    db.exec("INSERT INTO album VALUES (1, 'holding the writer')");
    other.setWriterWait(Duration.ofMillis(20));
    Planned insert = other.prepare("INSERT INTO album VALUES (2, 'b')");
    assertThatThrownBy(() -> other.execute(insert, List.of(), null, 0, 0))
        .hasFieldOrPropertyWithValue("SQLState", "55P03");
    assertThatThrownBy(() -> other.executeBatch(insert, List.of(List.of()), null, 0))
        .hasFieldOrPropertyWithValue("SQLState", "55P03");
    db.session().commit();
    other.execute(insert, List.of(), null, 0, 0);
    assertThat(db.rows("SELECT id FROM album ORDER BY id")).containsExactly("1", "2");
  }

  @Test
  void aNegativeWriterWaitIsRefused() {
    assertThatThrownBy(() -> other.setWriterWait(Duration.ofMillis(-1)))
        .hasFieldOrPropertyWithValue("SQLState", "22023");
  }

  @Test
  void aQueryRepeatedInATransactionSeesEachWriteBeforeIt() throws Exception {
    Session s = db.session();
    s.setAutoCommit(false);
    Planned select = s.prepare("SELECT id, name FROM album WHERE id >= ? ORDER BY id");
    db.exec("INSERT INTO album VALUES (1, 'a'), (2, 'b')");
    assertThat(rows(s, select.sql(), 1)).containsExactly("1|a", "2|b");
    db.exec("INSERT INTO album VALUES (3, 'c')");
    assertThat(rows(s, select.sql(), 2)).containsExactly("2|b", "3|c");
    db.exec("UPDATE album SET name = 'B' WHERE id = 2");
    db.exec("DELETE FROM album WHERE id = 1");
    assertThat(rows(s, select.sql(), 0)).containsExactly("2|B", "3|c");

    // The same query while its first run still has rows to give: both see the same writes.
    Cursor open = ((Result.Rows) s.execute(select, List.of(0), null, 0, 0)).cursor();
    assertThat(open.next()).isTrue();
    assertThat(rows(s, select.sql(), 3)).containsExactly("3|c");
    assertThat(open.get(1)).isEqualTo(2L);
    assertThat(open.next()).isTrue();
    assertThat(open.get(2)).isEqualTo("c");
    assertThat(open.next()).isFalse();
    open.close();

    s.rollback();
    assertThat(rows(s, select.sql(), 0)).isEmpty();
    db.exec("INSERT INTO album VALUES (7, 'next transaction')");
    assertThat(rows(s, select.sql(), 0)).containsExactly("7|next transaction");
    s.commit();
    assertThat(rows(other, select.sql(), 0)).containsExactly("7|next transaction");
  }

  @Test
  void aQueryRepeatedInATransactionFollowsItsSchemaChanges() throws Exception {
    Session s = db.session();
    s.setAutoCommit(false);
    db.exec("INSERT INTO album VALUES (1, 'old')");
    assertThat(db.rows("SELECT name FROM album")).containsExactly("old");
    db.exec("DROP TABLE album");
    db.exec("CREATE TABLE album (name VARCHAR(100) PRIMARY KEY, id BIGINT)");
    db.exec("INSERT INTO album VALUES ('new', 5)");
    assertThat(db.rows("SELECT name FROM album")).containsExactly("new");
    s.commit();
    assertThat(rows(other, "SELECT id, name FROM album")).containsExactly("5|new");
  }

  @Test
  void aClosedSessionRefusesWork() throws Exception {
    other.close();
    assertThatThrownBy(() -> other.prepare("SELECT 1"))
        .hasFieldOrPropertyWithValue("SQLState", "08003");
  }

  @Test
  void dataSurvivesReopeningTheStore() throws Exception {
    db.exec("INSERT INTO album VALUES (1, 'kept')");
    other.close();
    db.close();
    db = Db.open(tmp);
    other = db.planner().openSession();
    assertThat(db.rows("SELECT name FROM album")).containsExactly("kept");
  }
}
