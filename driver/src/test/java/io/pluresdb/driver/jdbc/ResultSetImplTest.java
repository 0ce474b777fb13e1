package io.pluresdb.driver.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.sql.read.ColumnMeta;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultSetImplTest {
  private static final List<ColumnMeta> COLUMNS =
      List.of(
          new ColumnMeta("id", "id", "album", ColumnType.BIGINT, 0, 0, false, true),
          new ColumnMeta("Name", "name", "album", ColumnType.VARCHAR, 100, 0, false, false),
          new ColumnMeta("released", "released", "album", ColumnType.DATE, 0, 0, true, false),
          ColumnMeta.of("total", ColumnType.DECIMAL));

  private static List<Object[]> rows() {
    List<Object[]> rows = new ArrayList<>();
    rows.add(new Object[] {1L, "Kind of Blue", LocalDate.of(1959, 8, 17), new BigDecimal("9.5")});
    rows.add(new Object[] {2L, "Blue Train", null, null});
    rows.add(new Object[] {3L, "2001", LocalDate.of(2001, 1, 1), BigDecimal.ONE});
    return rows;
  }

  private static ResultSetImpl forwardOnly(ListCursor cursor, long maxRows) {
    return new ResultSetImpl(null, new StreamingRows(cursor, maxRows), ResultSet.TYPE_FORWARD_ONLY);
  }

  @Test
  void gettersConvertAndWasNullFollowsTheLastRead() throws SQLException {
    try (ResultSet rs = forwardOnly(new ListCursor(COLUMNS, rows()), 0)) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt("ID")).isEqualTo(1);
      assertThat(rs.getString("name")).isEqualTo("Kind of Blue");
      assertThat(rs.getObject("released", LocalDate.class)).isEqualTo(LocalDate.of(1959, 8, 17));
      assertThat(rs.getDate(3)).isEqualTo(java.sql.Date.valueOf("1959-08-17"));
      assertThat(rs.getDouble(4)).isEqualTo(9.5);
      assertThat(rs.getObject(1)).isEqualTo(1L);
      assertThat(rs.wasNull()).isFalse();
      assertThat(rs.next()).isTrue();
      assertThat(rs.getDate(3)).isNull();
      assertThat(rs.wasNull()).isTrue();
      assertThat(rs.getInt(4)).isZero();
      assertThat(rs.wasNull()).isTrue();
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt("name")).isEqualTo(2001);
    }
  }

  @Test
  void conversionFailureNamesTheColumn() throws SQLException {
    try (ResultSet rs = forwardOnly(new ListCursor(COLUMNS, rows()), 0)) {
      rs.next();
      assertThatThrownBy(() -> rs.getInt("name"))
          .hasMessageContaining("column 'Name'")
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("22018");
    }
  }

  @Test
  void unknownLabelAndBadIndexAreReported() throws SQLException {
    try (ResultSet rs = forwardOnly(new ListCursor(COLUMNS, rows()), 0)) {
      rs.next();
      assertThatThrownBy(() -> rs.getString("nope"))
          .hasMessageContaining("'nope'")
          .hasMessageContaining("id, Name, released, total")
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("42703");
      assertThatThrownBy(() -> rs.getString(5))
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("07009");
    }
  }

  @Test
  void readingBeforeTheFirstRowIsACursorStateError() throws SQLException {
    try (ResultSet rs = forwardOnly(new ListCursor(COLUMNS, rows()), 0)) {
      assertThatThrownBy(() -> rs.getString(1))
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("24000");
    }
  }

  @Test
  void forwardOnlyStreamsRespectsMaxRowsAndClosesTheCursorAtTheEnd() throws SQLException {
    ListCursor cursor = new ListCursor(COLUMNS, rows());
    try (ResultSet rs = forwardOnly(cursor, 2)) {
      assertThat(rs.isBeforeFirst()).isTrue();
      assertThat(rs.next()).isTrue();
      assertThat(rs.isFirst()).isTrue();
      assertThat(rs.next()).isTrue();
      assertThat(rs.isLast()).isTrue();
      assertThat(rs.getLong(1)).isEqualTo(2); // looking ahead kept the current row
      assertThat(rs.next()).isFalse();
      assertThat(rs.isAfterLast()).isTrue();
      assertThat(cursor.closed).isTrue();
      assertThatThrownBy(rs::previous)
          .hasMessageContaining("TYPE_FORWARD_ONLY")
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("24000");
    }
  }

  @Test
  void scrollInsensitiveMovesAnywhere() throws SQLException {
    ListCursor cursor = new ListCursor(COLUMNS, rows());
    try (ResultSet rs =
        new ResultSetImpl(
            null, MaterializedRows.of(cursor, 0), ResultSet.TYPE_SCROLL_INSENSITIVE)) {
      assertThat(cursor.closed).isTrue(); // read at once
      assertThat(rs.last()).isTrue();
      assertThat(rs.getRow()).isEqualTo(3);
      assertThat(rs.previous()).isTrue();
      assertThat(rs.getString(2)).isEqualTo("Blue Train");
      assertThat(rs.absolute(-3)).isTrue();
      assertThat(rs.getLong(1)).isEqualTo(1);
      assertThat(rs.relative(5)).isFalse();
      assertThat(rs.isAfterLast()).isTrue();
      rs.beforeFirst();
      assertThat(rs.next()).isTrue();
      assertThat(rs.getRow()).isEqualTo(1);
    }
  }

  @Test
  void metadataDescribesTheColumns() throws SQLException {
    try (ResultSet rs = forwardOnly(new ListCursor(COLUMNS, rows()), 0)) {
      ResultSetMetaData md = rs.getMetaData();
      assertThat(md.getColumnCount()).isEqualTo(4);
      assertThat(md.getColumnType(1)).isEqualTo(Types.BIGINT);
      assertThat(md.isAutoIncrement(1)).isTrue();
      assertThat(md.isNullable(1)).isEqualTo(ResultSetMetaData.columnNoNulls);
      assertThat(md.getColumnLabel(2)).isEqualTo("Name");
      assertThat(md.getColumnName(2)).isEqualTo("name");
      assertThat(md.getTableName(2)).isEqualTo("album");
      assertThat(md.getSchemaName(2)).isEqualTo("main");
      assertThat(md.getColumnDisplaySize(2)).isEqualTo(100);
      assertThat(md.getColumnTypeName(3)).isEqualTo("DATE");
      assertThat(md.getColumnClassName(3)).isEqualTo("java.sql.Date");
      assertThat(md.getTableName(4)).isEmpty();
    }
  }

  @Test
  void closedResultSetRefusesReads() throws SQLException {
    ResultSet rs = forwardOnly(new ListCursor(COLUMNS, rows()), 0);
    rs.close();
    assertThat(rs.isClosed()).isTrue();
    assertThatThrownBy(rs::next)
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("55000");
    assertThatThrownBy(() -> rs.updateInt(1, 1))
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("55000");
  }

  @Test
  void aReadOnlyResultSetRefusesUpdatesWithCursorState() throws SQLException {
    ResultSet rs = forwardOnly(new ListCursor(COLUMNS, rows()), 0);
    assertThat(rs.next()).isTrue();
    assertThatThrownBy(() -> rs.updateInt(1, 1))
        .hasMessageContaining("updateInt")
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("24000");
  }
}
