package io.pluresdb.crdt.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.schema.ForeignKeyDef;
import io.pluresdb.crdt.schema.SchemaChange;
import io.pluresdb.crdt.schema.TableDef;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ON DELETE CASCADE across nodes: the deleting node's cascade is operations of its transaction, so
 * the children it held go everywhere; a child another node inserted concurrently stays on every
 * node, whatever the order the nodes meet in.
 */
class ForeignKeyCascadeMergeTest {
  private static ColumnDef key() {
    return new ColumnDef("id", ColumnType.BIGINT, 0, 0, false, null, false);
  }

  @Test
  void cascadeReplicatesAndAConcurrentChildStaysOnEveryNode() throws SQLException {
    try (Nodes nodes = new Nodes()) {
      Store a = nodes.add(1_700_000_000_000L);
      Store b = nodes.add(1_700_000_000_005L);
      try (WriteTxn tx = a.beginWrite(Fixtures.WAIT)) {
        tx.schema(
            new SchemaChange.CreateTable(
                new TableDef("p", List.of(key()), List.of("id"), List.of(), List.of(), List.of())));
        tx.schema(
            new SchemaChange.CreateTable(
                new TableDef(
                    "ch",
                    List.of(key(), ColumnDef.of("p", ColumnType.BIGINT)),
                    List.of("id"),
                    List.of(),
                    List.of(),
                    List.of(
                        new ForeignKeyDef(
                            null, List.of("p"), "p", List.of("id"), "CASCADE", null)))));
        tx.insert("p", new Object[] {1L}, OnConflict.ERROR);
        tx.insert("p", new Object[] {2L}, OnConflict.ERROR);
        tx.insert("ch", new Object[] {10L, 1L}, OnConflict.ERROR);
        tx.insert("ch", new Object[] {12L, 2L}, OnConflict.ERROR);
        tx.commit();
      }
      Nodes.sync(a, b);
      try (WriteTxn tx = a.beginWrite(Fixtures.WAIT)) {
        assertThat(tx.delete("p", new Object[] {1L})).isTrue();
        tx.commit();
      }
      assertThat(Fixtures.dump(a, "SELECT id FROM ch")).containsExactly("[12]");
      try (WriteTxn tx = b.beginWrite(Fixtures.WAIT)) {
        tx.insert("ch", new Object[] {11L, 1L}, OnConflict.ERROR);
        tx.commit();
      }
      Nodes.sync(b, a);
      Nodes.sync(a, b);
      for (Store s : List.of(a, b)) {
        assertThat(Fixtures.dump(s, "SELECT id, p FROM ch ORDER BY id"))
            .containsExactly("[11, 1]", "[12, 2]");
        assertThat(Fixtures.dump(s, "SELECT id FROM p")).containsExactly("[2]");
      }
    }
  }
}
