package io.pluresdb.tck.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Types;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A result set describes its columns: names, labels, types, nullability. */
class ResultSetMetaDataTest {
  Connection c;

  @BeforeEach
  void open() throws Exception {
    c = Db.open(Db.memUrl());
    Db.exec(
        c,
        "CREATE TABLE album (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL,"
            + " year INTEGER, released DATE, price DECIMAL(8, 2), rating DOUBLE)");
  }

  @AfterEach
  void close() throws Exception {
    c.close();
  }

  @Test
  void columnsReportTheirDeclaredTypes() throws Exception {
    try (ResultSet rs =
        c.createStatement()
            .executeQuery("SELECT id, name, year, released, price, rating FROM album")) {
      ResultSetMetaData md = rs.getMetaData();
      assertThat(md.getColumnCount()).isEqualTo(6);
      assertThat(md.getColumnType(1)).isEqualTo(Types.BIGINT);
      assertThat(md.getColumnType(2)).isEqualTo(Types.VARCHAR);
      assertThat(md.getColumnType(3)).isEqualTo(Types.INTEGER);
      assertThat(md.getColumnType(4)).isEqualTo(Types.DATE);
      assertThat(md.getColumnType(5)).isEqualTo(Types.DECIMAL);
      assertThat(md.getColumnType(6)).isEqualTo(Types.DOUBLE);
      assertThat(md.getColumnTypeName(2)).containsIgnoringCase("VARCHAR");
      assertThat(md.getPrecision(2)).isEqualTo(100);
      assertThat(md.getPrecision(5)).isEqualTo(8);
      assertThat(md.getScale(5)).isEqualTo(2);
      assertThat(md.getColumnClassName(1)).isEqualTo(Long.class.getName());
      assertThat(md.getColumnClassName(2)).isEqualTo(String.class.getName());
    }
  }

  @Test
  void namesAndLabelsFollowAliases() throws Exception {
    try (ResultSet rs = c.createStatement().executeQuery("SELECT name AS title, year FROM album")) {
      ResultSetMetaData md = rs.getMetaData();
      assertThat(md.getColumnLabel(1)).isEqualToIgnoringCase("title");
      assertThat(md.getColumnLabel(2)).isEqualToIgnoringCase("year");
      assertThat(md.getColumnName(2)).isEqualToIgnoringCase("year");
    }
  }

  @Test
  void nullabilityFollowsTheSchema() throws Exception {
    try (ResultSet rs = c.createStatement().executeQuery("SELECT id, name, year FROM album")) {
      ResultSetMetaData md = rs.getMetaData();
      assertThat(md.isNullable(2)).isEqualTo(ResultSetMetaData.columnNoNulls);
      assertThat(md.isNullable(3)).isEqualTo(ResultSetMetaData.columnNullable);
      assertThat(md.isReadOnly(1) || md.isWritable(1)).isTrue();
    }
  }

  @Test
  void aggregatesHaveNumericTypes() throws Exception {
    try (ResultSet rs =
        c.createStatement().executeQuery("SELECT COUNT(*) AS n, MAX(year) AS latest FROM album")) {
      ResultSetMetaData md = rs.getMetaData();
      assertThat(md.getColumnType(1)).isIn(Types.BIGINT, Types.INTEGER);
      assertThat(md.getColumnType(2)).isEqualTo(Types.INTEGER);
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong("n")).isZero();
    }
  }
}
