package io.pluresdb.sync.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.crdt.op.ReceivedTx;
import io.pluresdb.crdt.op.Transaction;
import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.schema.PolicyDef;
import io.pluresdb.crdt.schema.SchemaChange;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.crdt.store.OnConflict;
import io.pluresdb.crdt.store.Store;
import io.pluresdb.crdt.store.StoreConfig;
import io.pluresdb.crdt.store.WriteTxn;
import io.pluresdb.sync.auth.PolicyAgent.User;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's writes as a hub checks them against real stores' tables and policies. */
class RowPoliciesTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final User ALICE = new User("alice", Map.of("team", 7L));

  @TempDir Path dir;
  private Store hub;
  private Store device;

  @BeforeEach
  void open() throws SQLException {
    hub = Store.open(StoreConfig.file(dir.resolve("hub.db")));
    device = Store.open(StoreConfig.file(dir.resolve("device.db")));
    write(hub, tx -> schema(tx, new SchemaChange.CreateTable(table("note"))));
    write(hub, tx -> schema(tx, new SchemaChange.CreateTable(table("member"))));
    policy("own", "note", "ALL", "owner = current_user", "owner = current_user");
    policy(
        "team_insert",
        "note",
        "INSERT",
        null,
        "n IN (SELECT n FROM member WHERE owner = current_user)");
    write(hub, tx -> row(tx, "note", 1, "bob", 7));
    write(hub, tx -> row(tx, "member", 1, "alice", 8));
    sync();
  }

  @AfterEach
  void close() throws SQLException {
    device.close();
    hub.close();
  }

  /** {@code name(id BIGINT PRIMARY KEY, owner VARCHAR, n BIGINT)}. */
  private static TableDef table(String name) {
    return new TableDef(
        name,
        List.of(
            new ColumnDef("id", ColumnType.BIGINT, 0, 0, false, null, false),
            ColumnDef.of("owner", ColumnType.VARCHAR),
            ColumnDef.of("n", ColumnType.BIGINT)),
        List.of("id"),
        List.of(),
        List.of(),
        List.of());
  }

  private interface Step {
    void run(WriteTxn tx) throws SQLException;
  }

  private static void write(Store s, Step step) throws SQLException {
    try (WriteTxn tx = s.beginWrite(WAIT)) {
      step.run(tx);
      tx.commit();
    }
  }

  private static void schema(WriteTxn tx, SchemaChange c) throws SQLException {
    tx.schema(c);
  }

  private static void row(WriteTxn tx, String table, long id, String owner, long n)
      throws SQLException {
    tx.insert(table, new Object[] {id, owner, n}, OnConflict.ERROR);
  }

  private void policy(
      String name, String table, String cmd, @Nullable String using, @Nullable String check)
      throws SQLException {
    write(
        hub,
        tx ->
            tx.schema(
                new SchemaChange.CreatePolicy(
                    new PolicyDef(name, table, cmd, using, check, "CREATE POLICY " + name))));
  }

  private void sync() throws SQLException {
    device.applyRemote(hub.logRecords());
  }

  /** What the device writes in {@code steps}, checked as one batch for alice. */
  private @Nullable String check(Consumer<List<Step>> steps) throws SQLException {
    Set<Object> known = new java.util.HashSet<>();
    device.logRecords().forEach(r -> known.add(r.tx().id()));
    List<Step> all = new ArrayList<>();
    steps.accept(all);
    for (Step s : all) {
      write(device, s);
    }
    List<Transaction> mine = new ArrayList<>();
    for (ReceivedTx r : device.logRecords()) {
      if (!known.contains(r.tx().id())) {
        mine.add(r.tx());
      }
    }
    assertThat(mine).hasSize(all.size());
    return new RowPolicies(hub, ALICE).refusal(mine);
  }

  @Test
  void anInsertOfOwnRowIsAllowedAndOneInAnothersNameIsNot() throws SQLException {
    assertThat(check(s -> s.add(tx -> row(tx, "note", 2, "alice", 0)))).isNull();
    assertThat(check(s -> s.add(tx -> row(tx, "note", 3, "bob", 0))))
        .startsWith("alice may not INSERT row [3] of table 'note'")
        .contains("the new row fails WITH CHECK of own, team_insert");
  }

  @Test
  void anInsertPolicyMayReadAnotherTable() throws SQLException {
    // owner bob fails 'own', but n = 8 is alice's team in member: 'team_insert' allows it
    assertThat(check(s -> s.add(tx -> row(tx, "note", 4, "bob", 8)))).isNull();
  }

  @Test
  void anUpdateIsCheckedBeforeAndAfter() throws SQLException {
    String before =
        check(
            s ->
                s.add(
                    tx -> tx.update("note", new Object[] {1L}, new int[] {2}, new Object[] {9L})));
    assertThat(before)
        .startsWith("alice may not UPDATE row [1] of table 'note'")
        .contains("the row before is outside USING of own");
  }

  @Test
  void aWriteSeesTheRowsEarlierWritesOfItsBatchMade() throws SQLException {
    String refused =
        check(
            s -> {
              s.add(tx -> row(tx, "note", 5, "alice", 0));
              s.add(
                  tx -> tx.update("note", new Object[] {5L}, new int[] {1}, new Object[] {"bob"}));
            });
    assertThat(refused)
        .startsWith("alice may not UPDATE row [5] of table 'note'")
        .contains("the new row fails WITH CHECK of own (");
  }

  @Test
  void anActionNoPolicyCoversIsRefusedAndATableWithoutPoliciesIsNotChecked() throws SQLException {
    write(hub, tx -> tx.schema(new SchemaChange.DropPolicy("own", "note")));
    sync();
    assertThat(check(s -> s.add(tx -> tx.delete("note", new Object[] {1L}))))
        .contains("table 'note': no policy allows DELETE");
    assertThat(check(s -> s.add(tx -> row(tx, "member", 9, "mallory", 1)))).isNull();
  }

  @Test
  void aClaimBindsAsItsValue() throws SQLException {
    policy("by_claim", "member", "ALL", "n = current_claim('team')", null);
    sync();
    assertThat(check(s -> s.add(tx -> row(tx, "member", 10, "x", 7)))).isNull();
    assertThat(check(s -> s.add(tx -> row(tx, "member", 11, "x", 6))))
        .contains("WITH CHECK of by_claim (");
  }
}
