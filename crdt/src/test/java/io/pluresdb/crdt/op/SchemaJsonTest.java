package io.pluresdb.crdt.op;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.schema.ForeignKeyDef;
import io.pluresdb.crdt.schema.IndexDef;
import io.pluresdb.crdt.schema.PolicyDef;
import io.pluresdb.crdt.schema.SchemaChange;
import io.pluresdb.crdt.schema.SequenceDef;
import io.pluresdb.crdt.schema.Setting;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.crdt.schema.TriggerDef;
import io.pluresdb.crdt.schema.ViewDef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The schema JSON format: what Jackson wrote for these records before (stored catalogs, logged
 * schema changes) reads back equal, and what is written now is the same JSON.
 */
class SchemaJsonTest {
  /** How catalogs and changes were written before: Jackson's default mapping of the records. */
  private static final ObjectMapper JACKSON = new ObjectMapper();

  private static final ColumnDef ID =
      new ColumnDef("id", ColumnType.BIGINT, 0, 0, false, null, true, "BIGINT", null);
  private static final ColumnDef NAME =
      new ColumnDef(
          "na\"me\\\n\t\u0001é", ColumnType.VARCHAR, 100, 0, true, "'x'", false, "", "NOCASE");
  private static final ForeignKeyDef FK =
      new ForeignKeyDef("fk", List.of("ref"), "other", List.of("id"), "CASCADE", null);
  private static final TableDef TABLE =
      new TableDef(
          "t",
          List.of(ID, NAME, ColumnDef.of("ref", ColumnType.INTEGER)),
          List.of("id"),
          List.of(List.of("na\"me\\\n\t\u0001é"), List.of("ref", "id")),
          List.of("id > 0"),
          List.of(FK));
  private static final IndexDef INDEX =
      new IndexDef("ix", "t", List.of("ref"), true, "hnsw", Map.of("m", "16", "ef", "200"));
  private static final ViewDef VIEW = new ViewDef("v", "SELECT id FROM t", List.of(ID));
  private static final SequenceDef SEQUENCE = new SequenceDef("s", -5, 50);
  private static final TriggerDef TRIGGER =
      new TriggerDef(
          "tr", "t", "CREATE TRIGGER …", "AFTER", "UPDATE", List.of("ref"), null, List.of("a;"));
  private static final PolicyDef POLICY =
      new PolicyDef("p", "t", "UPDATE", "ref = current_user", null, "CREATE POLICY …");
  private static final Catalog CATALOG =
      new Catalog(
          Long.MAX_VALUE,
          Map.of(
              "t",
              TABLE,
              "u",
              new TableDef("u", List.of(), List.of(), List.of(), List.of(), List.of())),
          Map.of("ix", INDEX),
          Map.of("v", VIEW),
          Map.of("s", SEQUENCE),
          Map.of("tr", TRIGGER),
          Map.of("user_version", new Setting(7, new OpId(Long.MIN_VALUE, -1L))),
          Map.of(POLICY.key(), POLICY));

  private static final List<SchemaChange> CHANGES =
      List.of(
          new SchemaChange.CreateTable(TABLE),
          new SchemaChange.DropTable("t"),
          new SchemaChange.AddColumn("t", NAME),
          new SchemaChange.CreateIndex(INDEX),
          new SchemaChange.DropIndex("ix"),
          new SchemaChange.CreateView(VIEW),
          new SchemaChange.DropView("v"),
          new SchemaChange.CreateSequence(SEQUENCE),
          new SchemaChange.DropSequence("s"),
          new SchemaChange.AddForeignKey("t", FK),
          new SchemaChange.DropConstraint("t", "fk"),
          new SchemaChange.RenameColumn("t", "a", "b"),
          new SchemaChange.DropColumn("t", "a"),
          new SchemaChange.CreateTrigger(TRIGGER),
          new SchemaChange.DropTrigger("tr"),
          new SchemaChange.RenameTable("t", "t2"),
          new SchemaChange.SetPragma("application_id", -2),
          new SchemaChange.AlterColumn("t", NAME),
          new SchemaChange.CreatePolicy(POLICY),
          new SchemaChange.DropPolicy("p", "t"));

  @Test
  void everyKindOfChangeIsCovered() {
    assertThat(CHANGES.stream().map(Object::getClass))
        .containsExactlyInAnyOrder(SchemaChange.class.getPermittedSubclasses());
  }

  @Test
  void catalogWrittenByJacksonReadsBackEqual() throws Exception {
    assertThat(SchemaJson.readCatalog(JACKSON.writeValueAsString(CATALOG))).isEqualTo(CATALOG);
  }

  @Test
  void catalogIsWrittenAsJacksonWroteIt() throws Exception {
    String ours = SchemaJson.write(CATALOG);
    assertThat(JACKSON.readTree(ours))
        .isEqualTo(JACKSON.readTree(JACKSON.writeValueAsString(CATALOG)));
    assertThat(SchemaJson.readCatalog(ours)).isEqualTo(CATALOG);
  }

  @Test
  void changesWrittenByJacksonReadBackEqual() {
    for (SchemaChange change : CHANGES) {
      assertThat(SchemaJson.readChange(jacksonChange(change))).isEqualTo(change);
    }
  }

  @Test
  void changesAreWrittenAsJacksonWroteThem() throws Exception {
    for (SchemaChange change : CHANGES) {
      String ours = SchemaJson.write(change);
      assertThat(JACKSON.readTree(ours)).isEqualTo(JACKSON.readTree(jacksonChange(change)));
      assertThat(SchemaJson.readChange(ours)).isEqualTo(change);
    }
  }

  @Test
  void catalogOfAnOlderVersionReadsWithDefaults() {
    // stored before settings, triggers, sequences, declared types, collations and FK actions
    String old =
        "{\"version\":3,\"tables\":{\"t\":{\"name\":\"t\",\"columns\":[{\"name\":\"id\","
            + "\"type\":\"BIGINT\",\"precision\":0,\"scale\":0,\"nullable\":false,"
            + "\"defaultSql\":null,\"autoIncrement\":false}],\"primaryKey\":[\"id\"],"
            + "\"uniqueKeys\":[],\"checks\":[],\"foreignKeys\":[{\"name\":\"fk\","
            + "\"columns\":[\"id\"],\"refTable\":\"o\",\"refColumns\":[\"id\"]}]}},"
            + "\"indexes\":{},\"views\":{}}";
    TableDef t =
        new TableDef(
            "t",
            List.of(new ColumnDef("id", ColumnType.BIGINT, 0, 0, false, null, false)),
            List.of("id"),
            List.of(),
            List.of(),
            List.of(new ForeignKeyDef("fk", List.of("id"), "o", List.of("id"))));
    assertThat(SchemaJson.readCatalog(old))
        .isEqualTo(new Catalog(3, Map.of("t", t), Map.of(), Map.of()));
  }

  @Test
  void unknownPropertiesOfANewerVersionAreIgnored() {
    String newer =
        "{\"type\":\"DropTable\",\"since\":[1,2.5e3,{\"x\":null}],"
            + "\"change\":{\"table\":\"t\\u00e9\\/\",\"owner\":true}}";
    assertThat(SchemaJson.readChange(newer)).isEqualTo(new SchemaChange.DropTable("té/"));
  }

  @Test
  void malformedTextIsRejectedNamingIt() {
    for (String bad :
        List.of(
            "",
            "{",
            "{\"type\":\"DropTable\",\"change\":{\"table\":\"t\"}} x",
            "{\"type\":\"Nope\",\"change\":{}}",
            "{\"type\":\"DropTable\",\"change\":{\"table\":1}}",
            "{\"type\":\"CreateTable\",\"change\":{\"table\":{\"name\":\"t\"}}}",
            "{\"type\":\"DropTable\",\"change\":{\"table\":\"\\x\"}}")) {
      assertThatThrownBy(() -> SchemaJson.readChange(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("malformed schema change");
    }
    assertThatThrownBy(() -> SchemaJson.readCatalog("[]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("malformed catalog");
  }

  private static String jacksonChange(SchemaChange change) {
    ObjectNode node = JACKSON.createObjectNode();
    node.put("type", change.getClass().getSimpleName());
    node.set("change", JACKSON.valueToTree(change));
    return node.toString();
  }
}
