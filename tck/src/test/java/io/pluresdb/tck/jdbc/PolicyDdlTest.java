package io.pluresdb.tck.jdbc;

import static io.pluresdb.tck.jdbc.Db.assertSqlState;
import static io.pluresdb.tck.jdbc.Db.exec;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CREATE POLICY and DROP POLICY in PostgreSQL's syntax, and the {@code sys_policies} view. */
class PolicyDdlTest {
  @TempDir Path dir;

  private static List<String> policies(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT tablename, policyname, cmd, qual, with_check FROM sys_policies"
                    + " ORDER BY tablename, policyname")) {
      while (rs.next()) {
        out.add(
            rs.getString(1)
                + " "
                + rs.getString(2)
                + " "
                + rs.getString(3)
                + " using="
                + rs.getString(4)
                + " check="
                + rs.getString(5));
      }
    }
    return out;
  }

  @Test
  void policiesAreCreatedListedKeptAndDropped() throws Exception {
    String url = Db.fileUrl(dir, "policies");
    try (Connection c = Db.open(url)) {
      exec(
          c,
          "CREATE TABLE Note (id INTEGER PRIMARY KEY, owner TEXT, team TEXT)",
          "CREATE POLICY own ON note USING (owner = current_user) WITH CHECK (owner = current_user)",
          "CREATE POLICY team_read ON NOTE AS PERMISSIVE FOR SELECT TO PUBLIC"
              + " USING (team IN (SELECT 'red' UNION SELECT current_claim('team')))",
          "create policy \"Del\" on note for delete using (owner = current_user);");
      assertThat(policies(c))
          .containsExactly(
              "Note Del DELETE using=owner = current_user check=null",
              "Note own ALL using=owner = current_user check=owner = current_user",
              "Note team_read SELECT using=team IN (SELECT 'red' UNION SELECT"
                  + " current_claim('team')) check=null");
    }
    try (Connection c = Db.open(url)) {
      assertThat(policies(c)).hasSize(3);
      exec(c, "DROP POLICY own ON note", "DROP POLICY IF EXISTS own ON note");
      assertThat(policies(c)).hasSize(2);
      exec(c, "DROP TABLE note");
      assertThat(policies(c)).isEmpty();
    }
  }

  @Test
  void badPolicyStatementsNameWhatIsWrong() throws Exception {
    try (Connection c = Db.open(Db.fileUrl(dir, "bad"))) {
      exec(c, "CREATE TABLE note (id INTEGER PRIMARY KEY, owner TEXT)");
      exec(c, "CREATE POLICY p ON note USING (owner = current_user)");
      assertThat(
              assertSqlState("42710", () -> exec(c, "CREATE POLICY p ON note USING (true)"))
                  .getMessage())
          .contains("policy 'p' for table 'note' already exists");
      assertThat(
              assertSqlState("42P01", () -> exec(c, "CREATE POLICY p ON nothing USING (true)"))
                  .getMessage())
          .contains("table 'nothing'");
      assertThat(assertSqlState("42704", () -> exec(c, "DROP POLICY q ON note")).getMessage())
          .contains("policy 'q' for table 'note' does not exist");
      assertThat(
              assertSqlState(
                      "42601", () -> exec(c, "CREATE POLICY r ON note FOR UPSERT USING (true)"))
                  .getMessage())
          .contains("UPSERT");
      assertSqlState(
          "42601", () -> exec(c, "CREATE POLICY r ON note FOR INSERT USING (owner = 'x')"));
      assertSqlState("42601", () -> exec(c, "CREATE POLICY r ON note USING (owner = 'x'"));
      assertThat(policies(c)).hasSize(1);
    }
  }
}
