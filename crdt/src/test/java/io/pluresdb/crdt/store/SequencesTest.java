package io.pluresdb.crdt.store;

import static io.pluresdb.crdt.store.Fixtures.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pluresdb.crdt.schema.SchemaChange;
import io.pluresdb.crdt.schema.SequenceDef;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class SequencesTest {
  @TempDir Path dir;

  private static void schema(Store s, SchemaChange change) throws SQLException {
    try (WriteTxn tx = s.beginWrite(WAIT)) {
      tx.schema(change);
      tx.commit();
    }
  }

  @Test
  void aSequenceSurvivesReopeningAndReplicatesAsSchema() throws SQLException {
    SequenceDef seq = new SequenceDef("order_seq", 1, 50);
    Store a = Store.open(StoreConfig.file(dir.resolve("a.db")));
    schema(a, new SchemaChange.CreateSequence(seq));
    a.close();
    try (Store reopened = Store.open(StoreConfig.file(dir.resolve("a.db")));
        Store b = Store.open(StoreConfig.file(dir.resolve("b.db")))) {
      assertThat(reopened.catalog().sequences()).containsEntry("order_seq", seq);
      b.applyRemote(Nodes.received(reopened)).orThrow();
      assertThat(b.catalog().sequences()).containsEntry("order_seq", seq);
      schema(b, new SchemaChange.DropSequence("order_seq"));
      assertThat(b.catalog().sequences()).isEmpty();
    }
  }

  @Test
  void duplicateMissingAndOversizedSequencesAreRefused() throws SQLException {
    try (Store s = Store.open(StoreConfig.file(dir.resolve("s.db")))) {
      schema(s, new SchemaChange.CreateSequence(new SequenceDef("s", 1, 1)));
      assertThatThrownBy(
              () -> schema(s, new SchemaChange.CreateSequence(new SequenceDef("s", 1, 1))))
          .hasMessageContaining("sequence 's' already exists")
          .extracting("SQLState")
          .isEqualTo("42P07");
      assertThatThrownBy(() -> schema(s, new SchemaChange.DropSequence("nope")))
          .hasMessageContaining("sequence 'nope' does not exist")
          .extracting("SQLState")
          .isEqualTo("42P01");
      assertThatThrownBy(
              () -> schema(s, new SchemaChange.CreateSequence(new SequenceDef("big", 1, 5000))))
          .hasMessageContaining("INCREMENT BY of sequence 'big'")
          .extracting("SQLState")
          .isEqualTo("22023");
    }
  }

  @Test
  void reservedBlocksOfTwoNodesAreDisjoint() throws SQLException {
    try (Nodes nodes = new Nodes()) {
      Store a = nodes.add(1_800_000_000_000L);
      Store b = nodes.add(1_800_000_000_000L);
      Set<Long> seen = new HashSet<>();
      for (int i = 0; i < 100; i++) {
        for (Store s : new Store[] {a, b}) {
          long hi = s.reserveIds(50);
          for (long v = hi - 49; v <= hi; v++) {
            assertThat(seen.add(v)).as("value %d handed out twice", v).isTrue();
          }
        }
      }
    }
  }
}
