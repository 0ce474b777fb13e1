package io.pluresdb.sql.shape;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.crdt.schema.ViewDef;
import io.pluresdb.sql.catalog.CalciteCatalogs;
import io.pluresdb.sql.plan.Plan;
import io.pluresdb.sql.plan.StatementPlanner;
import io.pluresdb.sql.write.InsertPlan;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A plain INSERT of parameters gets, without the parser, the plan its parsed text gets. */
class DirectInsertsTest {
  private static final Catalog CATALOG =
      new Catalog(
          7,
          Map.of(
              "album",
              new TableDef(
                  "album",
                  List.of(
                      ColumnDef.of("id", ColumnType.BIGINT).withNullable(false),
                      ColumnDef.of("title", ColumnType.VARCHAR),
                      ColumnDef.of("year", ColumnType.INTEGER).withDefault("1970"),
                      ColumnDef.of("cover", ColumnType.BLOB)),
                  List.of("id"),
                  List.of(),
                  List.of(),
                  List.of()),
              "Mixed Case",
              new TableDef(
                  "Mixed Case",
                  List.of(
                      ColumnDef.of("Id", ColumnType.INTEGER),
                      ColumnDef.of("Na\"me", ColumnType.DECIMAL)),
                  List.of(),
                  List.of(),
                  List.of(),
                  List.of())),
          Map.of(),
          Map.of("v", new ViewDef("v", "SELECT id FROM album", List.of())));

  @ParameterizedTest
  @ValueSource(
      strings = {
        "INSERT INTO album VALUES (?, ?, ?, ?)",
        "insert into ALBUM (title, id) values (?, ?), (?,?);",
        "INSERT INTO main.album(id) VALUES (?)",
        "  INSERT\nINTO album (year, Id, cover) VALUES (?, ?, ?) ; ",
        "INSERT INTO \"Mixed Case\" (\"Na\"\"me\", id) VALUES (?, ?), (?, ?), (?, ?)",
        "INSERT INTO \"mixed case\" VALUES (?, ?)",
      })
  void plainInsertsArePlannedAsTheirParsedText(String sql) throws SQLException {
    Plan.Write direct = DirectInserts.plan(sql, CATALOG);
    assertThat(direct).isNotNull();
    Plan parsed = StatementPlanner.plan(sql, CATALOG, new CalciteCatalogs());
    assertThat(parsed).isInstanceOf(Plan.Write.class);
    Plan.Write write = (Plan.Write) parsed;
    assertThat(direct.sql()).isEqualTo(write.sql());
    assertThat(direct.returning()).isEqualTo(write.returning());
    assertThat(direct.resolution()).isEqualTo(write.resolution());
    assertThat(direct.parameterTypes()).isEqualTo(write.parameterTypes());
    InsertPlan mine = (InsertPlan) direct.kind();
    InsertPlan theirs = (InsertPlan) write.kind();
    assertThat(mine.table()).isEqualTo(theirs.table());
    assertThat(mine.targets()).containsExactly(theirs.targets());
    assertThat(mine.rows()).isEqualTo(theirs.rows());
    assertThat(mine.query()).isNull();
    assertThat(theirs.query()).isNull();
    assertThat(mine.onConflict()).isEqualTo(theirs.onConflict());
    assertThat(mine.upsert()).isEqualTo(theirs.upsert());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "INSERT INTO album VALUES (?, ?)",
        "INSERT INTO album VALUES (?, ?, ?, ?), (?)",
        "INSERT INTO nope VALUES (?)",
        "INSERT INTO v VALUES (?)",
        "INSERT INTO album (id, ID) VALUES (?, ?)",
        "INSERT INTO album (id, nope) VALUES (?, ?)",
        "INSERT INTO album (id, rowid) VALUES (?, ?)",
        "INSERT INTO album (id) VALUES (1)",
        "INSERT INTO album (id) VALUES (?1)",
        "INSERT INTO album (id) VALUES (:id)",
        "INSERT INTO album (id) VALUES (DEFAULT)",
        "INSERT OR IGNORE INTO album (id) VALUES (?)",
        "REPLACE INTO album (id) VALUES (?)",
        "INSERT INTO album (id) VALUES (?) RETURNING id",
        "INSERT INTO album (id) VALUES (?) ON CONFLICT DO NOTHING",
        "INSERT INTO other.album (id) VALUES (?)",
        "INSERT INTO album (id) VALUES (?) -- a comment",
        "INSERT INTO album (id) VALUES (?); INSERT INTO album (id) VALUES (?)",
        "INSERT INTO `album` (id) VALUES (?)",
        "INSERT INTO album () VALUES ()",
        "INSERT INTO select VALUES (?)",
        "INSERT INTO album (id) SELECT ?",
      })
  void otherInsertsAreLeftToTheParser(String sql) {
    // the parser then plans them, or reports their error in its own words, as before
    assertThat(DirectInserts.plan(sql, CATALOG)).isNull();
  }
}
