package io.pluresdb.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.engine.api.Cursor;
import io.pluresdb.engine.api.Planned;
import io.pluresdb.engine.api.Result;
import io.pluresdb.engine.api.Session;
import io.pluresdb.engine.support.Db;
import io.pluresdb.sql.read.ColumnMeta;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class StatementExecutionTest {
  /** Counts to a billion: runs far longer than any timeout in these tests unless interrupted. */
  private static final String ENDLESS =
      "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000000)"
          + " SELECT COUNT(*) FROM n";

  @TempDir Path tmp;
  Db db;

  @BeforeEach
  void open() throws Exception {
    db = Db.open(tmp);
    db.exec(
        "CREATE TABLE album (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
            + " name VARCHAR(100) NOT NULL, year INTEGER, released DATE)");
  }

  @AfterEach
  void close() throws Exception {
    db.close();
  }

  private Result run(String sql, List<String> keys, int timeout, long maxRows, Object... params)
      throws SQLException {
    Session s = db.session();
    return s.execute(s.prepare(sql), Arrays.asList(params), keys, timeout, maxRows);
  }

  @Test
  void parametersAreTypedByWhatTheyMeetAndConvertedInJava() throws Exception {
    Planned p = db.session().prepare("INSERT INTO album (name, year, released) VALUES (?, ?, ?)");
    assertThat(p.parameterTypes())
        .containsExactly(ColumnType.VARCHAR, ColumnType.INTEGER, ColumnType.DATE);
    db.update("INSERT INTO album (name, year, released) VALUES (?, ?, ?)", "a", 2001, "2001-02-03");
    db.update(
        "INSERT INTO album (name, year, released) VALUES (?, ?, ?)",
        "b",
        2002L,
        java.sql.Date.valueOf("2002-03-04"));
    db.update(
        "INSERT INTO album (name, year, released) VALUES (?, ?, ?)",
        "c",
        "2003",
        LocalDate.of(2003, 4, 5));
    assertThat(
            db.rows(
                "SELECT name, year, released FROM album WHERE released > ? ORDER BY 1",
                LocalDate.of(2002, 1, 1)))
        .containsExactly("b|2002|2002-03-04", "c|2003|2003-04-05");
    assertThat(db.rows("SELECT name FROM album ORDER BY name LIMIT ? OFFSET ?", 1, 1))
        .containsExactly("b");
  }

  @Test
  void aParameterThatDoesNotFitItsColumnFailsNamingIt() {
    assertThatThrownBy(
            () -> db.update("INSERT INTO album (name, year) VALUES (?, ?)", "a", "not a year"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("year")
        .extracting(e -> ((SQLException) e).getSQLState())
        .asString()
        .startsWith("22");
  }

  @Test
  void aMissingParameterFails() {
    assertThatThrownBy(() -> db.rows("SELECT name FROM album WHERE id = ?"))
        .hasFieldOrPropertyWithValue("SQLState", "07009");
  }

  @Test
  void identityColumnsAreFilledAndReturnedAsGeneratedKeys() throws Exception {
    Result r = run("INSERT INTO album (name) VALUES ('a'), ('b')", List.of(), 0, 0);
    Result.Count count = (Result.Count) r;
    assertThat(count.count()).isEqualTo(2);
    Cursor keys = count.generatedKeys();
    assertThat(keys.columns()).extracting(ColumnMeta::name).containsExactly("id");
    List<Object> ids = new ArrayList<>();
    while (keys.next()) {
      ids.add(keys.get(1));
    }
    assertThat(ids).hasSize(2).doesNotHaveDuplicates().allMatch(id -> (Long) id > 0);
    assertThat(db.rows("SELECT COUNT(*) FROM album WHERE id IN (?, ?)", ids.get(0), ids.get(1)))
        .containsExactly("2");
  }

  @Test
  void namedGeneratedKeysReturnThoseColumns() throws Exception {
    Result.Count r =
        (Result.Count)
            run("INSERT INTO album (name, year) VALUES ('a', 1999)", List.of("name", "year"), 0, 0);
    assertThat(Db.format(r.generatedKeys())).containsExactly("a|1999");
    Result.Count none = (Result.Count) run("INSERT INTO album (name) VALUES ('b')", null, 0, 0);
    assertThat(none.generatedKeys()).isNull();
  }

  @Test
  void resultColumnsComeFromTheValidatedRowTypeAndTheirOrigins() throws Exception {
    Planned p =
        db.session()
            .prepare(
                "SELECT a.id, a.name AS title, released, COUNT(*) AS n FROM album a"
                    + " GROUP BY a.id, a.name, released");
    assertThat(p.returnsRows()).isTrue();
    assertThat(p.columns())
        .extracting(ColumnMeta::label, ColumnMeta::name, ColumnMeta::table, ColumnMeta::type)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("id", "id", "album", ColumnType.BIGINT),
            org.assertj.core.groups.Tuple.tuple("title", "name", "album", ColumnType.VARCHAR),
            org.assertj.core.groups.Tuple.tuple("released", "released", "album", ColumnType.DATE),
            org.assertj.core.groups.Tuple.tuple("n", "n", "", ColumnType.BIGINT));
    assertThat(
            db.session()
                .prepare("SELECT count(*), max(year) + 1 AS m, 2 * 3\nFROM album")
                .columns())
        .extracting(ColumnMeta::label)
        .containsExactly("count(*)", "m", "2 * 3");
    assertThat(p.columns().get(0).autoIncrement()).isTrue();
    assertThat(p.columns().get(1).precision()).isEqualTo(100);
    assertThat(p.columns().get(1).nullable()).isFalse();
  }

  @Test
  void maxRowsCutsTheResult() throws Exception {
    db.update("INSERT INTO album (name) VALUES ('a'), ('b'), ('c')");
    Result r = run("SELECT name FROM album ORDER BY name", null, 0, 2);
    assertThat(Db.format(((Result.Rows) r).cursor())).containsExactly("a", "b");
  }

  @Test
  void explainShowsTheCalcitePlanAndTheSqliteStatement() throws Exception {
    List<String> plan = db.rows("EXPLAIN PLAN FOR SELECT name FROM album WHERE year > 2000");
    assertThat(plan.get(0)).contains("LogicalProject");
    assertThat(plan).anyMatch(l -> l.contains("LogicalFilter"));
    assertThat(plan.get(plan.size() - 1))
        .isEqualTo(
            "SQLite: SELECT \"album\".\"name\" FROM \"main\".\"album\" AS \"album\""
                + " WHERE \"album\".\"year\" > 2000");
  }

  @Test
  @Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aQueryTimeoutInterruptsSqliteWith57014() {
    assertThatThrownBy(() -> Db.format(((Result.Rows) run(ENDLESS, null, 1, 0)).cursor()))
        .isInstanceOf(java.sql.SQLTimeoutException.class)
        .hasFieldOrPropertyWithValue("SQLState", "57014")
        .hasMessageContaining("timeout");
  }

  @Test
  @Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void cancelFromAnotherThreadInterruptsTheRunningQuery() throws Exception {
    Session s = db.session();
    Planned p = s.prepare(ENDLESS);
    CountDownLatch starting = new CountDownLatch(1);
    CompletableFuture<Void> query =
        CompletableFuture.runAsync(
            () -> {
              starting.countDown();
              // SQLite runs the query while producing the first row, inside execute.
              try (Cursor c = ((Result.Rows) s.execute(p, List.of(), null, 0, 0)).cursor()) {
                c.next();
              } catch (SQLException e) {
                throw new java.util.concurrent.CompletionException(e);
              }
            });
    assertThat(starting.await(120, TimeUnit.SECONDS)).isTrue();
    // A cancel that lands before the statement starts has nothing to interrupt: repeat it.
    while (!query.isDone()) {
      s.cancel();
      Thread.onSpinWait();
    }
    assertThatThrownBy(query::join)
        .hasCauseInstanceOf(SQLException.class)
        .cause()
        .hasFieldOrPropertyWithValue("SQLState", "57014");
  }
}
