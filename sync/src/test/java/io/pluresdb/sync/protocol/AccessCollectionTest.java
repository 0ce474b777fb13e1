package io.pluresdb.sync.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.op.Operation;
import io.pluresdb.crdt.schema.ForeignKeyDef;
import io.pluresdb.crdt.schema.SchemaChange;
import io.pluresdb.crdt.schema.SequenceDef;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every kind of schema change names the collection whose write permission it needs: a kind left out
 * closed every session that carried it (Hibernate's foreign keys, for one).
 */
class AccessCollectionTest {
  private static String collection(SchemaChange change) {
    return Access.collection(Operation.schema(OpId.of(1, 0, 1), change), null);
  }

  @Test
  void theTableChangesNameTheirTable() {
    assertThat(
            collection(
                new SchemaChange.AddForeignKey(
                    "pet",
                    new ForeignKeyDef(
                        "fk_owner", List.of("owner_id"), "owner", List.of(), null, null))))
        .isEqualTo("pet");
    assertThat(collection(new SchemaChange.DropConstraint("pet", "fk_owner"))).isEqualTo("pet");
    assertThat(collection(new SchemaChange.RenameColumn("pet", "name", "title"))).isEqualTo("pet");
    assertThat(collection(new SchemaChange.DropColumn("pet", "name"))).isEqualTo("pet");
  }

  @Test
  void sequencesNameThemselves() {
    assertThat(collection(new SchemaChange.CreateSequence(new SequenceDef("pet_seq", 1, 1))))
        .isEqualTo("pet_seq");
    assertThat(collection(new SchemaChange.DropSequence("pet_seq"))).isEqualTo("pet_seq");
  }
}
