package io.pluresdb.tck.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The metadata calls DBeaver and SchemaCrawler make beyond tables and columns answer with the
 * columns the JDBC javadoc names, empty where PluresDB has no such objects.
 */
class MetadataAnswersTest {
  Connection c;
  DatabaseMetaData md;

  @BeforeEach
  void open() throws Exception {
    c =
        DriverManager.getConnection(
            "jdbc:pluresdb:mem:meta_" + UUID.randomUUID().toString().replace("-", ""));
    c.createStatement().execute("CREATE TABLE t (id BIGINT PRIMARY KEY)");
    md = c.getMetaData();
  }

  @AfterEach
  void close() throws Exception {
    c.close();
  }

  private static List<String> labels(ResultSet rs) throws SQLException {
    ResultSetMetaData m = rs.getMetaData();
    List<String> labels = new ArrayList<>();
    for (int i = 1; i <= m.getColumnCount(); i++) {
      labels.add(m.getColumnLabel(i));
    }
    return labels;
  }

  private static List<List<Object>> rows(ResultSet rs, String... columns) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    while (rs.next()) {
      List<Object> row = new ArrayList<>();
      for (String column : columns) {
        row.add(rs.getObject(column));
      }
      rows.add(row);
    }
    return rows;
  }

  @Test
  void objectsPluresDbDoesNotHaveAreEmptyButShaped() throws Exception {
    try (ResultSet rs = md.getProcedures(null, null, "%")) {
      assertThat(labels(rs)).startsWith("PROCEDURE_CAT", "PROCEDURE_SCHEM", "PROCEDURE_NAME");
      assertThat(rs.next()).isFalse();
    }
    try (ResultSet rs = md.getUDTs(null, null, "%", null)) {
      assertThat(labels(rs))
          .containsExactly(
              "TYPE_CAT",
              "TYPE_SCHEM",
              "TYPE_NAME",
              "CLASS_NAME",
              "DATA_TYPE",
              "REMARKS",
              "BASE_TYPE");
      assertThat(rs.next()).isFalse();
    }
    try (ResultSet rs = md.getSuperTables(null, null, "%")) {
      assertThat(labels(rs))
          .containsExactly("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "SUPERTABLE_NAME");
      assertThat(rs.next()).isFalse();
    }
    try (ResultSet rs = md.getPseudoColumns(null, null, "t", "%")) {
      assertThat(labels(rs)).contains("COLUMN_USAGE", "IS_NULLABLE");
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void clientInfoPropertiesAreListed() throws Exception {
    try (ResultSet rs = md.getClientInfoProperties()) {
      assertThat(labels(rs)).containsExactly("NAME", "MAX_LEN", "DEFAULT_VALUE", "DESCRIPTION");
      assertThat(rows(rs, "NAME")).contains(List.of("ApplicationName"));
    }
  }

  @Test
  void vectorFunctionsHaveTheirParametersAndResult() throws Exception {
    try (ResultSet rs = md.getFunctions(null, null, "vector%")) {
      assertThat(rows(rs, "FUNCTION_NAME", "FUNCTION_TYPE"))
          .containsExactly(
              List.of("vector_dims", DatabaseMetaData.functionNoTable),
              List.of("vector_similarity", DatabaseMetaData.functionNoTable));
    }
    try (ResultSet rs = md.getFunctionColumns(null, null, "l2_distance", "%")) {
      assertThat(rows(rs, "COLUMN_NAME", "COLUMN_TYPE", "TYPE_NAME", "ORDINAL_POSITION"))
          .containsExactly(
              List.of("", DatabaseMetaData.functionReturn, "DOUBLE", 0),
              List.of("a", DatabaseMetaData.functionColumnIn, "VECTOR", 1),
              List.of("b", DatabaseMetaData.functionColumnIn, "VECTOR", 2));
    }
    try (ResultSet rs = md.getFunctions(null, "other", "%")) {
      assertThat(rs.next()).as("no functions outside the schema main").isFalse();
    }
  }
}
