package io.pluresdb.jdbc.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** ON DELETE and ON UPDATE actions give SQLite's rows (foreign keys on). */
class ForeignKeyActionsTest {
  private static final String CHILDREN = "SELECT id, p FROM ch ORDER BY id";

  private static void parentAndChildren(Twin t, String actions) throws SQLException {
    t.both(
        "CREATE TABLE p (id INTEGER PRIMARY KEY, code VARCHAR(5) UNIQUE)",
        "CREATE TABLE ch (id INTEGER PRIMARY KEY, p INTEGER DEFAULT 2 REFERENCES p(id) "
            + actions
            + ")",
        "INSERT INTO p VALUES (1, 'a'), (2, 'b')",
        "INSERT INTO ch VALUES (10, 1), (11, 1), (12, 2)");
  }

  @Test
  void onDeleteCascadeDeletesTheChildren() throws SQLException {
    try (Twin t = new Twin()) {
      parentAndChildren(t, "ON DELETE CASCADE");
      t.both("DELETE FROM p WHERE id = 1");
      assertThat(Twin.rows(t.plures, CHILDREN))
          .isEqualTo(Twin.rows(t.sqlite, CHILDREN))
          .containsExactly("12|2");
      t.both("DELETE FROM p");
      assertThat(Twin.rows(t.plures, CHILDREN)).isEqualTo(Twin.rows(t.sqlite, CHILDREN)).isEmpty();
    }
  }

  @Test
  void cascadeGoesDownEveryLevel() throws SQLException {
    try (Twin t = new Twin()) {
      parentAndChildren(t, "ON DELETE CASCADE");
      t.both(
          "CREATE TABLE gc (id INTEGER PRIMARY KEY, c INTEGER REFERENCES ch(id) ON DELETE CASCADE)",
          "INSERT INTO gc VALUES (100, 10), (101, 12)",
          "DELETE FROM p WHERE id = 1");
      String q = "SELECT id, c FROM gc ORDER BY id";
      assertThat(Twin.rows(t.plures, q))
          .isEqualTo(Twin.rows(t.sqlite, q))
          .containsExactly("101|12");
    }
  }

  @Test
  void onDeleteSetNullAndSetDefault() throws SQLException {
    try (Twin t = new Twin()) {
      parentAndChildren(t, "ON DELETE SET NULL");
      t.both("DELETE FROM p WHERE id = 1");
      assertThat(Twin.rows(t.plures, CHILDREN))
          .isEqualTo(Twin.rows(t.sqlite, CHILDREN))
          .containsExactly("10|null", "11|null", "12|2");
    }
    try (Twin t = new Twin()) {
      parentAndChildren(t, "ON DELETE SET DEFAULT");
      t.both("DELETE FROM p WHERE id = 1");
      assertThat(Twin.rows(t.plures, CHILDREN))
          .isEqualTo(Twin.rows(t.sqlite, CHILDREN))
          .containsExactly("10|2", "11|2", "12|2");
    }
  }

  @Test
  void restrictAndNoActionRefuseTheDelete() throws SQLException {
    for (String action : new String[] {"ON DELETE RESTRICT", "ON DELETE NO ACTION", ""}) {
      try (Twin t = new Twin()) {
        parentAndChildren(t, action);
        assertThatThrownBy(() -> Twin.exec(t.sqlite, "DELETE FROM p WHERE id = 1"))
            .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> Twin.exec(t.plures, "DELETE FROM p WHERE id = 1"))
            .isInstanceOf(SQLException.class)
            .extracting(e -> ((SQLException) e).getSQLState())
            .isEqualTo("23503");
        assertThat(Twin.rows(t.plures, CHILDREN)).isEqualTo(Twin.rows(t.sqlite, CHILDREN));
      }
    }
  }

  @Test
  void onUpdateCascadeAndSetNullFollowTheReferencedColumn() throws SQLException {
    String q = "SELECT id, pc FROM cc ORDER BY id";
    for (String[] c :
        new String[][] {
          {"ON UPDATE CASCADE", "20|z", "21|b"}, {"ON UPDATE SET NULL", "20|null", "21|b"}
        }) {
      try (Twin t = new Twin()) {
        parentAndChildren(t, "");
        t.both(
            "CREATE TABLE cc (id INTEGER PRIMARY KEY, pc VARCHAR(5) REFERENCES p(code) "
                + c[0]
                + ")",
            "INSERT INTO cc VALUES (20, 'a'), (21, 'b')",
            "UPDATE p SET code = 'z' WHERE id = 1");
        assertThat(Twin.rows(t.plures, q))
            .isEqualTo(Twin.rows(t.sqlite, q))
            .containsExactly(c[1], c[2]);
      }
    }
  }
}
