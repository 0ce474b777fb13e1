package io.pluresdb.tck.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Meta;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.UniqueKey;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * jOOQ's {@code SQLITE} dialect with its default settings, as an application that knows nothing of
 * PluresDB configures it: {@code meta()} reads tables, columns and keys from {@code sqlite_schema}
 * and the schema pragmas, {@code returning()} re-reads the inserted rows by SQLite's rowid, and
 * {@code onConflict} writes SQLite's upsert.
 */
class JooqDefaultSettingsTest {
  private static final Table<Record> AUTHOR = table(name("author"));
  private static final Field<Long> AUTHOR_ID = field(name("author", "id"), SQLDataType.BIGINT);
  private static final Field<String> AUTHOR_NAME =
      field(name("author", "name"), SQLDataType.VARCHAR);

  private Connection connection;
  private DSLContext ctx;

  @BeforeEach
  void open() throws Exception {
    connection =
        DriverManager.getConnection(
            "jdbc:pluresdb:mem:jooq_default_" + UUID.randomUUID().toString().replace("-", ""));
    ctx = DSL.using(connection, SQLDialect.SQLITE, new Settings());
    connection
        .createStatement()
        .execute("CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)");
  }

  @AfterEach
  void close() throws Exception {
    connection.close();
  }

  @Test
  void metaReadsTablesColumnsAndKeys() {
    Meta meta = ctx.meta();
    Table<?> author =
        meta.getTables().stream()
            .filter(t -> t.getName().equalsIgnoreCase("author"))
            .findFirst()
            .orElseThrow();
    assertThat(author.fields()).extracting(Field::getName).containsExactly("id", "name");
    UniqueKey<?> key = author.getPrimaryKey();
    assertThat(key).isNotNull();
    assertThat(key.getFields()).extracting(Field::getName).containsExactly("id");
    assertThat(meta.getTables()).extracting(Table::getName).noneMatch(n -> n.startsWith("_pl_"));
  }

  @Test
  void returningGivesTheInsertedRow() {
    Record1<Long> first =
        ctx.insertInto(AUTHOR, AUTHOR_NAME).values("Le Guin").returningResult(AUTHOR_ID).fetchOne();
    Record1<Long> second =
        ctx.insertInto(AUTHOR, AUTHOR_NAME).values("Lem").returningResult(AUTHOR_ID).fetchOne();
    assertThat(first.value1()).isEqualTo(1L);
    assertThat(second.value1()).isEqualTo(2L);
    Record row =
        ctx.insertInto(AUTHOR, AUTHOR_ID, AUTHOR_NAME)
            .values(10L, "Calvino")
            .returning(AUTHOR_ID, AUTHOR_NAME)
            .fetchOne();
    assertThat(row.get(AUTHOR_NAME)).isEqualTo("Calvino");
    assertThat(row.get(AUTHOR_ID)).isEqualTo(10L);
  }

  @Test
  void onConflictUpdatesOrDoesNothing() {
    ctx.insertInto(AUTHOR, AUTHOR_ID, AUTHOR_NAME).values(1L, "Le Guin").execute();
    ctx.insertInto(AUTHOR, AUTHOR_ID, AUTHOR_NAME)
        .values(1L, "Ursula K. Le Guin")
        .onConflict(AUTHOR_ID)
        .doUpdate()
        .set(AUTHOR_NAME, "Ursula K. Le Guin")
        .execute();
    int ignored =
        ctx.insertInto(AUTHOR, AUTHOR_ID, AUTHOR_NAME)
            .values(1L, "Someone else")
            .onConflictDoNothing()
            .execute();
    assertThat(ignored).isZero();
    List<String> names = ctx.select(AUTHOR_NAME).from(AUTHOR).fetch(AUTHOR_NAME);
    assertThat(names).containsExactly("Ursula K. Le Guin");
  }
}
