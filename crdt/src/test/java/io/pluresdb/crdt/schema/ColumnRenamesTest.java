package io.pluresdb.crdt.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RENAME COLUMN's rewrite of the views and triggers that name the column, as SQLite's. */
class ColumnRenamesTest {
  private static final TableDef PET =
      new TableDef(
          "pet",
          List.of(ColumnDef.of("id", ColumnType.INTEGER), ColumnDef.of("name", ColumnType.VARCHAR)),
          List.of("id"),
          List.of(),
          List.of(),
          List.of());
  private static final TableDef LOG =
      new TableDef(
          "log",
          List.of(ColumnDef.of("id", ColumnType.INTEGER), ColumnDef.of("nick", ColumnType.VARCHAR)),
          List.of("id"),
          List.of(),
          List.of(),
          List.of());

  private static Catalog catalog(List<ViewDef> views, List<TriggerDef> triggers) {
    Map<String, ViewDef> v = new java.util.HashMap<>();
    views.forEach(x -> v.put(x.name(), x));
    Map<String, TriggerDef> t = new java.util.HashMap<>();
    triggers.forEach(x -> t.put(x.name(), x));
    return new Catalog(1, Map.of("pet", PET, "log", LOG), Map.of(), v, Map.of(), t);
  }

  @Test
  void aViewFollowsItsColumnButKeepsAliasesAndOtherTablesColumns() {
    ViewDef plain =
        new ViewDef(
            "names", "SELECT nick FROM pet", List.of(ColumnDef.of("nick", ColumnType.VARCHAR)));
    ViewDef aliased =
        new ViewDef(
            "who",
            "SELECT p.nick AS nick, l.nick AS logged FROM pet p JOIN log l ON l.id = p.id",
            List.of(
                ColumnDef.of("nick", ColumnType.VARCHAR),
                ColumnDef.of("logged", ColumnType.VARCHAR)));
    ViewDef other =
        new ViewDef(
            "logs", "SELECT nick FROM log", List.of(ColumnDef.of("nick", ColumnType.VARCHAR)));
    Catalog renamed =
        ColumnRenames.apply(
            catalog(List.of(plain, aliased, other), List.of()), "pet", "nick", "name");

    assertThat(renamed.views().get("names").sql()).isEqualTo("SELECT name FROM pet");
    assertThat(renamed.views().get("names").columns().get(0).name()).isEqualTo("name");
    assertThat(renamed.views().get("who").sql())
        .isEqualTo("SELECT p.name AS nick, l.nick AS logged FROM pet p JOIN log l ON l.id = p.id");
    assertThat(renamed.views().get("who").columns().get(0).name()).isEqualTo("nick");
    assertThat(renamed.views().get("logs").sql()).isEqualTo("SELECT nick FROM log");
  }

  @Test
  void aTriggerFollowsItsTablesColumnInUpdateOfWhenNewOldAndItsBody() {
    TriggerDef t =
        new TriggerDef(
            "named",
            "pet",
            "CREATE TRIGGER named AFTER UPDATE OF nick ON pet WHEN NEW.nick <> OLD.nick BEGIN"
                + " INSERT INTO log (nick) VALUES (OLD.nick || NEW.nick);"
                + " UPDATE pet SET \"nick\" = upper(nick) WHERE id = NEW.id; END",
            "AFTER",
            "UPDATE",
            List.of("nick"),
            "NEW.nick <> OLD.nick",
            List.of(
                "INSERT INTO log (nick) VALUES (OLD.nick || NEW.nick)",
                "UPDATE pet SET \"nick\" = upper(nick) WHERE id = NEW.id"));
    TriggerDef r =
        ColumnRenames.apply(catalog(List.of(), List.of(t)), "pet", "nick", "name")
            .triggers()
            .get("named");

    assertThat(r.sql())
        .isEqualTo(
            "CREATE TRIGGER named AFTER UPDATE OF name ON pet WHEN NEW.name <> OLD.name BEGIN"
                + " INSERT INTO log (nick) VALUES (OLD.name || NEW.name);"
                + " UPDATE pet SET \"name\" = upper(name) WHERE id = NEW.id; END");
    assertThat(r.columns()).containsExactly("name");
    assertThat(r.when()).isEqualTo("NEW.name <> OLD.name");
    assertThat(r.body())
        .containsExactly(
            "INSERT INTO log (nick) VALUES (OLD.name || NEW.name)",
            "UPDATE pet SET \"name\" = upper(name) WHERE id = NEW.id");
  }
}
