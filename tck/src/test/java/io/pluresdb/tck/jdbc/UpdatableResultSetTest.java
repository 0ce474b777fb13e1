package io.pluresdb.tck.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CONCUR_UPDATABLE result sets over one table's rows, key included: updateRow, deleteRow and
 * insertRow write as UPDATE, DELETE and INSERT by key; other queries are read-only with a warning.
 */
class UpdatableResultSetTest {
  Connection c;

  @BeforeEach
  void open() throws Exception {
    c = Db.open(Db.memUrl());
    Db.exec(
        c,
        "CREATE TABLE pet (id INTEGER PRIMARY KEY, name VARCHAR(20), age INTEGER)",
        "INSERT INTO pet VALUES (1, 'rex', 3), (2, 'tom', 5)");
  }

  @AfterEach
  void close() throws Exception {
    c.close();
  }

  private List<String> pets() throws Exception {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, name, age FROM pet ORDER BY id")) {
      while (rs.next()) {
        out.add(rs.getInt(1) + " " + rs.getString(2) + " " + rs.getString(3));
      }
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(ints = {ResultSet.TYPE_FORWARD_ONLY, ResultSet.TYPE_SCROLL_INSENSITIVE})
  void updateRowWritesTheChangedColumnsByKeyAndShowsThem(int type) throws Exception {
    try (Statement s = c.createStatement(type, ResultSet.CONCUR_UPDATABLE);
        ResultSet rs = s.executeQuery("SELECT id, name, age FROM pet ORDER BY id")) {
      assertThat(rs.getConcurrency()).isEqualTo(ResultSet.CONCUR_UPDATABLE);
      assertThat(rs.next()).isTrue();
      rs.updateString("name", "max");
      rs.updateInt(3, 4);
      assertThat(rs.rowUpdated()).isFalse();
      rs.updateRow();
      assertThat(rs.rowUpdated()).isTrue();
      assertThat(rs.getString(2)).isEqualTo("max");
      assertThat(rs.getInt("age")).isEqualTo(4);
      assertThat(rs.next()).isTrue();
      rs.updateString(2, "dropped");
      rs.cancelRowUpdates();
      rs.updateRow(); // nothing left to send
    }
    assertThat(pets()).containsExactly("1 max 4", "2 tom 5");
  }

  @Test
  void deleteRowAndInsertRowWriteThroughThePreparedStatementsResultSet() throws Exception {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, name, age FROM pet WHERE age > ? ORDER BY id",
            ResultSet.TYPE_SCROLL_INSENSITIVE,
            ResultSet.CONCUR_UPDATABLE)) {
      ps.setInt(1, 0);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.last()).isTrue();
        rs.deleteRow();
        assertThat(rs.rowDeleted()).isTrue();
        rs.moveToInsertRow();
        rs.updateInt("id", 7);
        rs.updateString("name", "kit");
        rs.updateNull("age");
        assertThat(rs.getString("name")).isEqualTo("kit");
        rs.insertRow();
        rs.moveToCurrentRow();
        assertThat(rs.rowInserted()).isFalse();
        assertThat(rs.first()).isTrue();
        assertThat(rs.rowDeleted()).isFalse();
      }
    }
    assertThat(pets()).containsExactly("1 rex 3", "7 kit null");
  }

  @Test
  void lobsAndStreamsUpdateTextAndBinaryColumns() throws Exception {
    Db.exec(c, "CREATE TABLE doc (id INTEGER PRIMARY KEY, body TEXT, raw BLOB, note TEXT)");
    Db.exec(c, "INSERT INTO doc VALUES (1, 'old', X'00', 'n')");
    try (Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE);
        ResultSet rs = s.executeQuery("SELECT id, body, raw, note FROM doc")) {
      assertThat(rs.next()).isTrue();
      java.sql.Clob clob = c.createClob();
      clob.setString(1, "new body");
      rs.updateClob("body", clob);
      rs.updateBinaryStream(3, new java.io.ByteArrayInputStream(new byte[] {1, 2, 3}), 2);
      rs.updateCharacterStream("note", new java.io.StringReader("a note"));
      rs.updateRow();
      assertThat(rs.getClob(2).getSubString(1, 8)).isEqualTo("new body");
      assertThat(rs.getBytes(3)).containsExactly(1, 2);
      assertThat(rs.getString(4)).isEqualTo("a note");
    }
    assertThat(Db.scalar(c, "SELECT body || '/' || note FROM doc")).isEqualTo("new body/a note");
  }

  @Test
  void changesFollowTheConnectionsTransaction() throws Exception {
    c.setAutoCommit(false);
    try (Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE);
        ResultSet rs = s.executeQuery("SELECT id, name FROM pet WHERE id = 1")) {
      assertThat(rs.next()).isTrue();
      rs.updateString("name", "gone");
      rs.updateRow();
    }
    c.rollback();
    assertThat(pets()).containsExactly("1 rex 3", "2 tom 5");
  }

  @Test
  void aQueryWithoutTheKeyIsReadOnlyWithAWarningOnTheStatement() throws Exception {
    try (Statement s =
            c.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_UPDATABLE);
        ResultSet rs = s.executeQuery("SELECT name, age FROM pet")) {
      assertThat(rs.getConcurrency()).isEqualTo(ResultSet.CONCUR_READ_ONLY);
      assertThat((Object) s.getWarnings()).isNotNull();
      assertThat(s.getWarnings().getMessage()).contains("key column 'id'");
      assertThat(rs.next()).isTrue();
      Db.assertSqlState("24000", () -> rs.updateString(1, "x"));
    }
    try (Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE);
        ResultSet rs = s.executeQuery("SELECT id, age + 1 FROM pet")) {
      assertThat(rs.getConcurrency()).isEqualTo(ResultSet.CONCUR_READ_ONLY);
      assertThat((Object) s.getWarnings()).isNotNull();
    }
  }

  @Test
  void updatesOutsideARowFailWithCursorState() throws Exception {
    try (Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE);
        ResultSet rs = s.executeQuery("SELECT id, name FROM pet")) {
      Db.assertSqlState("24000", () -> rs.updateString(2, "x"));
      Db.assertSqlState("24000", rs::insertRow);
      Db.assertSqlState("24000", rs::previous);
    }
  }
}
