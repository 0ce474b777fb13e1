package io.pluresdb.sync.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ScopeStatementsTest {

  @Test
  void readsCreateAndDropScope() throws SQLException {
    ScopeStatements.Statement c =
        ScopeStatements.read(
            "  create scope Mine as select * from \"note\" where project_id in (7, 9);");
    assertThat(c).isNotNull();
    assertThat(c.create()).isEqualTo(new Scope("Mine", "note", "project_id in (7, 9)"));
    assertThat(ScopeStatements.read("CREATE SCOPE all_tasks AS SELECT * FROM task").create())
        .isEqualTo(new Scope("all_tasks", "task", null));
    ScopeStatements.Statement d = ScopeStatements.read("DROP SCOPE IF EXISTS mine");
    assertThat(d.drop()).isEqualTo("mine");
    assertThat(d.ifExists()).isTrue();
    assertThat(ScopeStatements.read("DROP SCOPE mine").ifExists()).isFalse();
  }

  @Test
  void otherStatementsAreNotScopes() throws SQLException {
    assertThat(ScopeStatements.read("SELECT scope FROM t")).isNull();
    assertThat(ScopeStatements.read("CREATE TABLE scope (k INTEGER)")).isNull();
    assertThat(ScopeStatements.read("DROP TABLE scope")).isNull();
  }

  @Test
  void aConditionMayOnlyTestTheTablesColumns() {
    assertThatThrownBy(
            () ->
                ScopeStatements.read(
                    "CREATE SCOPE s AS SELECT * FROM note WHERE id IN (SELECT k FROM secret)"))
        .isInstanceOf(SQLException.class)
        .hasFieldOrPropertyWithValue("SQLState", "42601")
        .hasMessageContaining("SELECT");
    assertThat(ScopeStatements.unfit("a = 1) OR (1 = 1")).contains("parenthesis");
    assertThat(ScopeStatements.unfit("a = 1; DROP TABLE note")).contains("second statement");
    assertThat(ScopeStatements.unfit("(a = 1")).contains("open");
    assertThat(ScopeStatements.unfit("owner = 'select; (' AND n > 2")).isNull();
    assertThatThrownBy(() -> ScopeStatements.read("CREATE SCOPE s AS SELECT id FROM note"))
        .hasFieldOrPropertyWithValue("SQLState", "42601");
  }

  @Test
  void thePropertyHoldsSeveralStatements() throws SQLException {
    assertThat(
            ScopeStatements.readAll(
                "CREATE SCOPE a AS SELECT * FROM note WHERE owner = 'x;y';"
                    + " CREATE SCOPE b AS SELECT * FROM task;"))
        .containsExactly(new Scope("a", "note", "owner = 'x;y'"), new Scope("b", "task", null));
    assertThat(ScopeStatements.readAll(null)).isEmpty();
    assertThatThrownBy(() -> ScopeStatements.readAll("DROP SCOPE a"))
        .hasFieldOrPropertyWithValue("SQLState", "22023");
  }
}
