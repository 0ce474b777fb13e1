package io.pluresdb.driver.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.sql.read.ColumnMeta;
import java.sql.ParameterMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Wrapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelfWrapperTest {

  @Test
  void aJdbcObjectUnwrapsToWhatItIsAndNothingElse() throws SQLException {
    ParameterMetaData params = new ParameterMetaDataImpl(List.of(ColumnType.BIGINT));
    assertThat(params.isWrapperFor(ParameterMetaData.class)).isTrue();
    assertThat(params.isWrapperFor(ResultSet.class)).isFalse();
    assertThat(params.unwrap(ParameterMetaData.class)).isSameAs(params);
    assertThat(params.unwrap(Wrapper.class)).isSameAs(params);
    assertThatThrownBy(() -> params.unwrap(ResultSet.class))
        .hasFieldOrPropertyWithValue("SQLState", "22023")
        .hasMessage("ParameterMetaDataImpl does not wrap java.sql.ResultSet");
    assertThatThrownBy(() -> params.unwrap(null))
        .hasFieldOrPropertyWithValue("SQLState", "22023")
        .hasMessage("ParameterMetaDataImpl does not wrap null");

    ResultSetMetaData columns =
        new ResultSetMetaDataImpl(List.of(ColumnMeta.of("x", ColumnType.BIGINT)));
    assertThat(columns.isWrapperFor(ResultSetMetaData.class)).isTrue();
    assertThat(columns.unwrap(ResultSetMetaDataImpl.class)).isSameAs(columns);
  }

  @Test
  void aLifecycleClosesOnceAndThenRefusesWithItsState() throws SQLException {
    Lifecycle lifecycle = new Lifecycle(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "statement");
    lifecycle.checkOpen();
    assertThat(lifecycle.isClosed()).isFalse();
    assertThat(lifecycle.close()).as("the first close closes").isTrue();
    assertThat(lifecycle.close()).as("a second close is a no-op").isFalse();
    assertThat(lifecycle.isClosed()).isTrue();
    assertThatThrownBy(lifecycle::checkOpen)
        .hasFieldOrPropertyWithValue("SQLState", "55000")
        .hasMessage("the statement is closed");
  }
}
