package io.pluresdb.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class PgTargetTest {
  @Test
  void aUriBecomesTheDriversUrlWithItsUserAndPassword() throws SQLException {
    PgTarget t = PgTarget.parse("postgresql://hub:s%40cret@db.internal:5432/plures", null, null);
    assertThat(t.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5432/plures");
    assertThat(t.user()).isEqualTo("hub");
    assertThat(t.password()).isEqualTo("s@cret");
    assertThat(t.toString()).doesNotContain("cret");
  }

  @Test
  void optionsWinOverTheUri() throws SQLException {
    PgTarget t = PgTarget.parse("postgres://a:b@localhost/plures", "hub", "pw");
    assertThat(t.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/plures");
    assertThat(t.user()).isEqualTo("hub");
    assertThat(t.password()).isEqualTo("pw");
  }

  @Test
  void aUriWithoutDatabaseOrOfAnotherSchemeIsRefusedByName() {
    assertThatThrownBy(() -> PgTarget.parse("postgresql://localhost:5432", null, null))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("postgresql://localhost:5432")
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("08001");
    assertThatThrownBy(() -> PgTarget.parse("mysql://localhost/db", null, null))
        .hasMessageContaining("scheme");
  }
}
