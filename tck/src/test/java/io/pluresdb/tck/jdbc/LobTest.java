package io.pluresdb.tck.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Clobs, NClobs and Blobs: made by the connection, bound as parameters, read from results. */
class LobTest {
  Connection c;

  @BeforeEach
  void open() throws Exception {
    c = Db.open(Db.memUrl());
    Db.exec(c, "CREATE TABLE doc (id INTEGER PRIMARY KEY, body TEXT, raw BLOB)");
  }

  @AfterEach
  void close() throws Exception {
    c.close();
  }

  private void insert(int id, ParamSetter body, ParamSetter raw) throws Exception {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO doc VALUES (?, ?, ?)")) {
      ps.setInt(1, id);
      body.set(ps, 2);
      raw.set(ps, 3);
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
  }

  interface ParamSetter {
    void set(PreparedStatement ps, int i) throws Exception;
  }

  private ResultSet row(int id) throws Exception {
    ResultSet rs = c.createStatement().executeQuery("SELECT body, raw FROM doc WHERE id = " + id);
    assertThat(rs.next()).isTrue();
    return rs;
  }

  @Test
  void aClobAndABlobMadeByTheConnectionAreStoredAndReadBack() throws Exception {
    Clob clob = c.createClob();
    clob.setString(1, "hello world");
    Blob blob = c.createBlob();
    blob.setBytes(1, new byte[] {1, 2, 3});
    insert(1, (ps, i) -> ps.setClob(i, clob), (ps, i) -> ps.setBlob(i, blob));
    try (ResultSet rs = row(1)) {
      Clob body = rs.getClob(1);
      assertThat(body.length()).isEqualTo(11);
      assertThat(body.getSubString(7, 5)).isEqualTo("world");
      assertThat(body.position("world", 1)).isEqualTo(7);
      assertThat(body.position("absent", 1)).isEqualTo(-1);
      NClob nbody = rs.getNClob(1);
      assertThat(nbody.getSubString(1, 5)).isEqualTo("hello");
      Blob raw = rs.getBlob(2);
      assertThat(raw.getBytes(1, 3)).containsExactly(1, 2, 3);
      assertThat(raw.position(new byte[] {2, 3}, 1)).isEqualTo(2);
      assertThat(rs.getBinaryStream(2).readAllBytes()).containsExactly(1, 2, 3);
      assertThat(read(rs.getCharacterStream(1))).isEqualTo("hello world");
      assertThat(read(rs.getNCharacterStream(1))).isEqualTo("hello world");
      assertThat(new String(rs.getAsciiStream(1).readAllBytes(), StandardCharsets.US_ASCII))
          .isEqualTo("hello world");
    }
  }

  @Test
  void everyStreamSetterBindsTheWholeValueOrItsFirstLengthItems() throws Exception {
    byte[] bytes = {9, 8, 7, 6};
    insert(
        1,
        (ps, i) -> ps.setCharacterStream(i, new StringReader("abcd")),
        (ps, i) -> ps.setBinaryStream(i, new ByteArrayInputStream(bytes)));
    insert(
        2,
        (ps, i) -> ps.setCharacterStream(i, new StringReader("abcd"), 2),
        (ps, i) -> ps.setBinaryStream(i, new ByteArrayInputStream(bytes), 2));
    insert(
        3,
        (ps, i) -> ps.setNCharacterStream(i, new StringReader("abcd"), 3L),
        (ps, i) -> ps.setBlob(i, new ByteArrayInputStream(bytes), 3L));
    insert(
        4,
        (ps, i) -> ps.setClob(i, new StringReader("abcd")),
        (ps, i) -> ps.setBlob(i, new ByteArrayInputStream(bytes)));
    insert(
        5,
        (ps, i) -> ps.setNClob(i, new StringReader("abcd"), 1L),
        (ps, i) -> ps.setBinaryStream(i, new ByteArrayInputStream(bytes), 1L));
    insert(6, (ps, i) -> ps.setAsciiStream(i, ascii("abcd"), 2), (ps, i) -> ps.setBytes(i, bytes));
    NClob nclob = c.createNClob();
    nclob.setString(1, "abcd");
    insert(7, (ps, i) -> ps.setNClob(i, nclob), (ps, i) -> ps.setNull(i, java.sql.Types.BLOB));
    String[] bodies = {"abcd", "ab", "abc", "abcd", "a", "ab", "abcd"};
    int[] sizes = {4, 2, 3, 4, 1, 4, -1};
    for (int id = 1; id <= 7; id++) {
      try (ResultSet rs = row(id)) {
        assertThat(rs.getString(1)).as("body of %d", id).isEqualTo(bodies[id - 1]);
        byte[] raw = rs.getBytes(2);
        assertThat(raw == null ? -1 : raw.length).as("raw of %d", id).isEqualTo(sizes[id - 1]);
      }
    }
  }

  @Test
  void aClobIsEditedInPlaceThroughItsWriterAndTruncated() throws Exception {
    Clob clob = c.createClob();
    try (Writer w = clob.setCharacterStream(1)) {
      w.write("abcdef");
    }
    clob.setString(3, "XY");
    assertThat(clob.getSubString(1, 100)).isEqualTo("abXYef");
    clob.truncate(4);
    assertThat(clob.getSubString(1, 100)).isEqualTo("abXY");
    assertThat(read(clob.getCharacterStream(2, 2))).isEqualTo("bX");
    clob.setString(5, "!"); // one past the end appends
    assertThat(clob.length()).isEqualTo(5);
  }

  @Test
  void aBlobIsEditedInPlaceThroughItsStreamAndTruncated() throws Exception {
    Blob blob = c.createBlob();
    try (OutputStream out = blob.setBinaryStream(1)) {
      out.write(new byte[] {1, 2, 3, 4, 5});
    }
    blob.setBytes(2, new byte[] {7, 7});
    assertThat(blob.getBytes(1, 5)).containsExactly(1, 7, 7, 4, 5);
    blob.truncate(2);
    assertThat(blob.length()).isEqualTo(2);
    assertThat(blob.getBinaryStream(2, 1).readAllBytes()).containsExactly(7);
  }

  @Test
  void badPositionsAndLengthsAndFreedLobsFailWithPreciseStates() throws Exception {
    Clob clob = c.createClob();
    clob.setString(1, "abc");
    Db.assertSqlState("22023", () -> clob.getSubString(0, 1));
    Db.assertSqlState("22023", () -> clob.getSubString(5, 1));
    Db.assertSqlState("22023", () -> clob.setString(9, "x"));
    Db.assertSqlState("22023", () -> clob.truncate(4));
    Db.assertSqlState("22023", () -> clob.position("a", 0));
    Blob blob = c.createBlob();
    Db.assertSqlState("22023", () -> blob.getBytes(2, 1));
    Db.assertSqlState("22023", () -> blob.truncate(-1));
    clob.free();
    blob.free();
    Db.assertSqlState("55000", clob::length);
    Db.assertSqlState("55000", blob::length);
  }

  private static InputStream ascii(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII));
  }

  private static String read(Reader r) throws Exception {
    StringBuilder s = new StringBuilder();
    int ch;
    while ((ch = r.read()) >= 0) {
      s.append((char) ch);
    }
    return s.toString();
  }
}
