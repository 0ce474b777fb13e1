package io.pluresdb.sql.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pluresdb.crdt.schema.Catalog;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ReindexTest {
  @Test
  void reindexWithoutNameOrOfACollationIsANoOpWithoutResultSet() throws SQLException {
    Plan.Rows all = Reindex.plan("REINDEX", Catalog.empty());
    assertThat(all).isNotNull();
    assertThat(all.columns()).isEmpty();
    assertThat(Reindex.plan("reindex NOCASE;", Catalog.empty())).isNotNull();
  }

  @Test
  void reindexOfAnUnknownNameIsAnErrorNamingIt() {
    assertThatThrownBy(() -> Reindex.plan("REINDEX tXiX", Catalog.empty()))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("tXiX")
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("42704");
  }

  @Test
  void otherStatementsAreNotReindex() throws SQLException {
    assertThat(Reindex.plan("SELECT 1", Catalog.empty())).isNull();
    assertThat(Reindex.plan("REINDEXX", Catalog.empty())).isNull();
  }
}
