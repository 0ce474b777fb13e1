package io.pluresdb.crdt.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.crdt.clock.OpId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RENAME COLUMN and DROP COLUMN in the merge of a table's schema operations. */
class TableMergeColumnsTest {
  private static OpId id(long millis) {
    return OpId.of(millis, 0, 1);
  }

  private static TableMerge.Declared at(long millis, SchemaChange change) {
    return new TableMerge.Declared(id(millis), change);
  }

  private static final TableMerge.Declared CREATE =
      at(
          10,
          new SchemaChange.CreateTable(
              new TableDef(
                  "t",
                  List.of(
                      new ColumnDef("id", ColumnType.BIGINT, 0, 0, false, null, false),
                      ColumnDef.of("j", ColumnType.VARCHAR),
                      ColumnDef.of("n", ColumnType.BIGINT)),
                  List.of("id"),
                  List.of(),
                  List.of(),
                  List.of())));

  private static List<String> columns(TableMerge.Result r) {
    return r.table().columns().stream().map(ColumnDef::name).toList();
  }

  /** The merge of the operations in every rotation of their order: all equal, returned once. */
  private static TableMerge.Result merge(TableMerge.Declared... ops) {
    List<TableMerge.Declared> list = new ArrayList<>(List.of(ops));
    TableMerge.Result first = TableMerge.merge("t", list);
    for (int i = 0; i < list.size(); i++) {
      Collections.rotate(list, 1);
      assertThat(TableMerge.merge("t", list).table()).isEqualTo(first.table());
    }
    return first;
  }

  @Test
  void aRenameMovesFieldsWrittenBeforeAndAlongsideIt() {
    TableMerge.Result r = merge(CREATE, at(20, new SchemaChange.RenameColumn("t", "j", "doc")));
    assertThat(columns(r)).containsExactly("id", "doc", "n");
    assertThat(r.names().resolve("j", id(15))).isEqualTo("doc");
    assertThat(r.names().resolve("j", id(25))).isEqualTo("doc");
    assertThat(r.names().resolve("doc", id(25))).isEqualTo("doc");
    assertThat(r.names().resolve("x", id(25))).isNull();
  }

  @Test
  void aNameTakenAgainByALaterAddStartsANewColumn() {
    TableMerge.Result r =
        merge(
            CREATE,
            at(20, new SchemaChange.RenameColumn("t", "j", "doc")),
            at(30, new SchemaChange.AddColumn("t", ColumnDef.of("j", ColumnType.BIGINT))));
    assertThat(columns(r)).containsExactly("id", "doc", "n", "j");
    assertThat(r.names().resolve("j", id(25))).isEqualTo("doc");
    assertThat(r.names().resolve("j", id(35))).isEqualTo("j");
  }

  @Test
  void ofTwoConcurrentRenamesTheGreaterIdWins() {
    TableMerge.Result r =
        merge(
            CREATE,
            at(20, new SchemaChange.RenameColumn("t", "j", "a")),
            at(21, new SchemaChange.RenameColumn("t", "j", "b")));
    assertThat(columns(r)).containsExactly("id", "b", "n");
    assertThat(r.names().resolve("a", id(22))).isEqualTo("b");
    assertThat(r.names().resolve("j", id(15))).isEqualTo("b");
  }

  @Test
  void aDroppedColumnsFieldsStayInTheLogAndAnAddStartsEmpty() {
    TableMerge.Result r =
        merge(
            CREATE,
            at(20, new SchemaChange.DropColumn("t", "n")),
            at(30, new SchemaChange.AddColumn("t", ColumnDef.of("n", ColumnType.VARCHAR))));
    assertThat(columns(r)).containsExactly("id", "j", "n");
    assertThat(r.table().column("n").type()).isEqualTo(ColumnType.VARCHAR);
    assertThat(r.names().resolve("n", id(15))).isEqualTo(ColumnNames.DROPPED);
    assertThat(r.names().resolve("n", id(25))).isEqualTo(ColumnNames.DROPPED);
    assertThat(r.names().resolve("n", id(35))).isEqualTo("n");
  }

  @Test
  void aDropOfAKeyColumnIsVoidAndARenameOfItRenamesTheKey() {
    TableMerge.Result r =
        merge(
            CREATE,
            at(20, new SchemaChange.DropColumn("t", "id")),
            at(30, new SchemaChange.RenameColumn("t", "id", "key")));
    assertThat(columns(r)).containsExactly("key", "j", "n");
    assertThat(r.table().primaryKey()).containsExactly("key");
  }

  /**
   * Two nodes create one table, one writing {@code INT}, the other {@code INTEGER}: one type, so no
   * clash; the greater id's words are the table's. A different type still clashes.
   */
  @Test
  void declaredWordsOfOneTypeAreNoClash() {
    TableMerge.Result r =
        merge(
            at(
                10,
                create(
                    new ColumnDef(
                        "id", ColumnType.INTEGER, 0, 0, false, null, false, "INT", null))),
            at(
                11,
                create(
                    new ColumnDef(
                        "id", ColumnType.INTEGER, 0, 0, false, null, false, "INTEGER", null))));
    assertThat(r.clashes()).isEmpty();
    assertThat(r.table().column("id").declaredType()).isEqualTo("INTEGER");
    TableMerge.Result other =
        merge(
            at(
                10,
                create(
                    new ColumnDef(
                        "id", ColumnType.INTEGER, 0, 0, false, null, false, "INT", null))),
            at(
                11,
                create(
                    new ColumnDef(
                        "id", ColumnType.BIGINT, 0, 0, false, null, false, "BIGINT", null))));
    assertThat(other.clashes()).hasSize(1);
  }

  private static SchemaChange.CreateTable create(ColumnDef id) {
    return new SchemaChange.CreateTable(
        new TableDef("t", List.of(id), List.of("id"), List.of(), List.of(), List.of()));
  }
}
