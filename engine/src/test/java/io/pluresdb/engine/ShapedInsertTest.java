package io.pluresdb.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pluresdb.engine.api.BatchResult;
import io.pluresdb.engine.api.Planned;
import io.pluresdb.engine.api.Session;
import io.pluresdb.engine.support.Db;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** INSERT … VALUES statements of literals plan once per shape and keep each literal's value. */
class ShapedInsertTest {
  @TempDir Path tmp;
  Db db;

  @BeforeEach
  void open() throws Exception {
    db = Db.open(tmp);
    db.exec(
        "CREATE TABLE album (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL, year INTEGER,"
            + " price DECIMAL(6,2), cover BLOB)");
  }

  @AfterEach
  void close() throws Exception {
    db.close();
  }

  @Test
  void insertsDifferingOnlyInLiteralsArePlannedOnce() throws Exception {
    long before = db.planner().plansMade();
    db.exec("INSERT INTO album VALUES (1, 'a', 2000, 9.99, X'01')");
    db.exec("INSERT INTO album VALUES (2, 'O''Brien''s', NULL, -1.5, NULL)");
    db.exec("INSERT INTO album VALUES (-3, 'c', 1999, 0, X'')");
    assertThat(db.planner().plansMade() - before).isEqualTo(1);
    assertThat(db.rows("SELECT id, name, year, price, cover FROM album ORDER BY id"))
        .containsExactly(
            "-3|c|1999|0.00|x''", "1|a|2000|9.99|x'01'", "2|O'Brien's|NULL|-1.50|NULL");
  }

  @Test
  void eachRowCountAndExpressionIsAShapeOfItsOwn() throws Exception {
    long before = db.planner().plansMade();
    db.exec("INSERT INTO album (id, name) VALUES (1, 'a'), (2, 'b')");
    db.exec("INSERT INTO album (id, name) VALUES (3, 'c')");
    db.exec("INSERT INTO album (id, name, year) VALUES (4, upper('x'), 1990 + 1)");
    db.exec("INSERT INTO album (id, name, year) VALUES (5, upper('x'), 1990 + 1)");
    db.exec("INSERT INTO album (id, name, year) VALUES (6, upper('x'), 1990 + 2)");
    assertThat(db.planner().plansMade() - before).isEqualTo(4);
    assertThat(db.rows("SELECT id, name, year FROM album ORDER BY id"))
        .containsExactly("1|a|NULL", "2|b|NULL", "3|c|NULL", "4|X|1991", "5|X|1991", "6|X|1992");
  }

  @Test
  void aLiteralOfTheWrongTypeFailsAsItDoesWithoutShapes() throws Exception {
    db.exec("INSERT INTO album (id, name, year) VALUES (1, 'a', 2000)");
    assertThatThrownBy(() -> db.exec("INSERT INTO album (id, name, year) VALUES (2, 'b', 'abc')"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("year");
    assertThatThrownBy(() -> db.exec("INSERT INTO album (id, name, year) VALUES (1, 'c', 3)"))
        .isInstanceOfSatisfying(
            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23505"));
    assertThatThrownBy(() -> db.exec("INSERT INTO nowhere VALUES (1)"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("nowhere");
    assertThatThrownBy(() -> db.exec("INSERT INTO album (id, name) VALUES (1, 'a', 2)"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("3 expressions but 2 target columns");
  }

  @Test
  void aStatementWithoutParametersOfItsOwnAsksForNone() throws Exception {
    Session s = db.session();
    Planned p = s.prepare("INSERT INTO album (id, name) VALUES (7, 'seven')");
    assertThat(p.parameterTypes()).isEmpty();
    s.execute(p, List.of(), null, 0, 0);
    assertThat(db.rows("SELECT name FROM album WHERE id = 7")).containsExactly("seven");
    assertThatThrownBy(() -> s.execute(p, List.of(), null, 0, 0))
        .isInstanceOfSatisfying(
            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23505"));
  }

  @Test
  void aBatchOfAStatementWithoutParametersWritesItsLiterals() throws Exception {
    Session s = db.session();
    Planned p = s.prepare("INSERT OR REPLACE INTO album (id, name) VALUES (8, 'eight')");
    BatchResult r = s.executeBatch(p, Collections.nCopies(2, List.of()), null, 0);
    assertThat(r.counts()).containsExactly(1L, 1L);
    assertThat(db.rows("SELECT id, name FROM album")).containsExactly("8|eight");
  }

  @Test
  void anInsertIntoAViewFailsAsWithoutShapes() throws Exception {
    db.exec("CREATE VIEW named AS SELECT id, name FROM album");
    for (int id = 1; id <= 2; id++) {
      String sql = "INSERT INTO named VALUES (" + id + ", 'a')";
      assertThatThrownBy(() -> db.exec(sql))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("'named' is a view");
    }
  }

  @Test
  void aSchemaChangePlansTheShapeAgain() throws Exception {
    db.exec("INSERT INTO album (id, name) VALUES (1, 'a')");
    db.exec("ALTER TABLE album ADD COLUMN note VARCHAR(10) DEFAULT 'none'");
    db.exec("INSERT INTO album (id, name) VALUES (2, 'b')");
    assertThat(db.rows("SELECT id, note FROM album ORDER BY id"))
        .containsExactly("1|none", "2|none");
  }
}
