package io.pluresdb.tck.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Record2;
import org.jooq.Result;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** jOOQ's DSL, rendered for SQLite, runs unchanged against a PluresDB database. */
class JooqDslTest {
  static final Table<Record> AUTHOR = table(name("author"));
  static final Field<Long> AUTHOR_ID = field(name("author", "id"), SQLDataType.BIGINT);
  static final Field<String> AUTHOR_NAME = field(name("author", "name"), SQLDataType.VARCHAR);
  static final Table<Record> BOOK = table(name("book"));
  static final Field<Long> BOOK_ID = field(name("book", "id"), SQLDataType.BIGINT);
  static final Field<Long> BOOK_AUTHOR = field(name("book", "author_id"), SQLDataType.BIGINT);
  static final Field<String> BOOK_TITLE = field(name("book", "title"), SQLDataType.VARCHAR);
  static final Field<Integer> BOOK_YEAR = field(name("book", "year"), SQLDataType.INTEGER);

  Connection connection;
  DSLContext ctx;

  @BeforeEach
  void open() throws Exception {
    connection =
        DriverManager.getConnection(
            "jdbc:pluresdb:mem:jooq_" + UUID.randomUUID().toString().replace("-", ""));
    ctx = DSL.using(connection, SQLDialect.SQLITE, JooqSettings.forPluresDb());
    ctx.createTable(AUTHOR)
        .column("id", SQLDataType.BIGINT.notNull())
        .column("name", SQLDataType.VARCHAR(100).notNull())
        .constraints(DSL.primaryKey("id"))
        .execute();
    ctx.createTable(BOOK)
        .column("id", SQLDataType.BIGINT.identity(true))
        .column("author_id", SQLDataType.BIGINT)
        .column("title", SQLDataType.VARCHAR(200).notNull())
        .column("year", SQLDataType.INTEGER)
        .constraints(DSL.primaryKey("id"), DSL.foreignKey("author_id").references("author", "id"))
        .execute();
    ctx.insertInto(AUTHOR, AUTHOR_ID, AUTHOR_NAME)
        .values(1L, "Le Guin")
        .values(2L, "Lem")
        .values(3L, "Calvino")
        .execute();
  }

  @AfterEach
  void close() throws Exception {
    connection.close();
  }

  private void books() {
    ctx.batch(
            ctx.insertInto(BOOK, BOOK_AUTHOR, BOOK_TITLE, BOOK_YEAR)
                .values((Long) null, null, null))
        .bind(1L, "The Dispossessed", 1974)
        .bind(1L, "The Left Hand of Darkness", 1969)
        .bind(2L, "Solaris", 1961)
        .bind(2L, "The Cyberiad", 1965)
        .bind(3L, "Invisible Cities", 1972)
        .execute();
  }

  @Test
  void batchInsertsEveryBoundRow() {
    int[] counts =
        ctx.batch(
                ctx.insertInto(BOOK, BOOK_AUTHOR, BOOK_TITLE, BOOK_YEAR)
                    .values((Long) null, null, null))
            .bind(1L, "The Dispossessed", 1974)
            .bind(2L, "Solaris", 1961)
            .execute();
    assertThat(counts).containsExactly(1, 1);
    assertThat(ctx.fetchCount(BOOK)).isEqualTo(2);
  }

  @Test
  void joinsWithConditionsAndGrouping() {
    books();
    Result<Record2<String, Integer>> rows =
        ctx.select(AUTHOR_NAME, count().as("n"))
            .from(BOOK)
            .join(AUTHOR)
            .on(BOOK_AUTHOR.eq(AUTHOR_ID))
            .where(BOOK_YEAR.between(1960, 1975).and(AUTHOR_NAME.ne("Calvino")))
            .groupBy(AUTHOR_NAME)
            .orderBy(AUTHOR_NAME)
            .fetch();
    assertThat(rows.getValues(AUTHOR_NAME)).containsExactly("Le Guin", "Lem");
    assertThat(rows.getValues("n", Integer.class)).containsExactly(2, 2);

    List<String> leftJoined =
        ctx.select(AUTHOR_NAME)
            .from(AUTHOR)
            .leftJoin(BOOK)
            .on(BOOK_AUTHOR.eq(AUTHOR_ID).and(BOOK_YEAR.gt(1970)))
            .where(BOOK_ID.isNull())
            .fetch(AUTHOR_NAME);
    assertThat(leftJoined).containsExactly("Lem");

    List<String> inSubquery =
        ctx.select(BOOK_TITLE)
            .from(BOOK)
            .where(BOOK_AUTHOR.in(ctx.select(AUTHOR_ID).from(AUTHOR).where(AUTHOR_NAME.like("L%"))))
            .and(BOOK_TITLE.likeIgnoreCase("%the%"))
            .orderBy(BOOK_YEAR.desc())
            .fetch(BOOK_TITLE);
    assertThat(inSubquery)
        .containsExactly("The Dispossessed", "The Left Hand of Darkness", "The Cyberiad");
  }

  @Test
  void paginatesWithLimitAndOffset() {
    books();
    List<Integer> page =
        ctx.select(BOOK_YEAR).from(BOOK).orderBy(BOOK_YEAR).limit(2).offset(1).fetch(BOOK_YEAR);
    assertThat(page).containsExactly(1965, 1969);
    List<Integer> seek =
        ctx.select(BOOK_YEAR).from(BOOK).orderBy(BOOK_YEAR).seek(1969).limit(10).fetch(BOOK_YEAR);
    assertThat(seek).containsExactly(1972, 1974);
  }

  @Test
  void insertReturningHandsBackTheGeneratedKey() {
    Record1<Long> first =
        ctx.insertInto(BOOK, BOOK_AUTHOR, BOOK_TITLE, BOOK_YEAR)
            .values(3L, "If on a winter's night a traveler", 1979)
            .returningResult(BOOK_ID)
            .fetchOne();
    Record1<Long> second =
        ctx.insertInto(BOOK, BOOK_AUTHOR, BOOK_TITLE, BOOK_YEAR)
            .values(3L, "Mr Palomar", 1983)
            .returningResult(BOOK_ID)
            .fetchOne();
    assertThat(first.value1()).isNotNull();
    assertThat(second.value1()).isNotNull().isNotEqualTo(first.value1());
    assertThat(
            ctx.select(BOOK_TITLE)
                .from(BOOK)
                .where(BOOK_ID.eq(second.value1()))
                .fetchOne(BOOK_TITLE))
        .isEqualTo("Mr Palomar");

    Result<Record> all =
        ctx.insertInto(AUTHOR, AUTHOR_ID, AUTHOR_NAME)
            .values(4L, "Borges")
            .returning(AUTHOR_ID, AUTHOR_NAME)
            .fetch();
    assertThat(all).hasSize(1);
    assertThat(all.get(0).get(AUTHOR_NAME)).isEqualTo("Borges");
  }

  @Test
  void upsertsThroughOnConflictAndOnDuplicateKeyUpdate() {
    ctx.insertInto(AUTHOR, AUTHOR_ID, AUTHOR_NAME)
        .values(1L, "Ursula K. Le Guin")
        .onConflict(AUTHOR_ID)
        .doUpdate()
        .set(AUTHOR_NAME, DSL.excluded(AUTHOR_NAME))
        .execute();
    assertThat(nameOf(1L)).isEqualTo("Ursula K. Le Guin");

    int ignored =
        ctx.insertInto(AUTHOR, AUTHOR_ID, AUTHOR_NAME)
            .values(2L, "Stanisław Lem")
            .onConflictDoNothing()
            .execute();
    assertThat(ignored).isZero();
    assertThat(nameOf(2L)).isEqualTo("Lem");

    ctx.insertInto(AUTHOR, AUTHOR_ID, AUTHOR_NAME)
        .values(3L, "Italo Calvino")
        .onDuplicateKeyUpdate()
        .set(AUTHOR_NAME, "Italo Calvino")
        .execute();
    assertThat(nameOf(3L)).isEqualTo("Italo Calvino");

    ctx.insertInto(AUTHOR, AUTHOR_ID, AUTHOR_NAME)
        .values(5L, "Borges")
        .onDuplicateKeyIgnore()
        .execute();
    assertThat(nameOf(5L)).isEqualTo("Borges");
    assertThat(ctx.fetchCount(AUTHOR)).isEqualTo(4);
  }

  @Test
  void updatesAndDeletesWithConditions() {
    books();
    int updated =
        ctx.update(BOOK).set(BOOK_YEAR, BOOK_YEAR.plus(1)).where(BOOK_AUTHOR.eq(2L)).execute();
    assertThat(updated).isEqualTo(2);
    assertThat(
            ctx.select(DSL.sum(BOOK_YEAR))
                .from(BOOK)
                .where(BOOK_AUTHOR.eq(2L))
                .fetchOne(0, Integer.class))
        .isEqualTo(1962 + 1966);
    int deleted =
        ctx.deleteFrom(BOOK)
            .where(
                DSL.exists(
                    ctx.selectOne()
                        .from(AUTHOR)
                        .where(AUTHOR_ID.eq(BOOK_AUTHOR).and(AUTHOR_NAME.eq("Calvino")))))
            .execute();
    assertThat(deleted).isEqualTo(1);
    assertThat(ctx.fetchCount(BOOK)).isEqualTo(4);
  }

  private String nameOf(long id) {
    return ctx.select(AUTHOR_NAME).from(AUTHOR).where(AUTHOR_ID.eq(id)).fetchOne(AUTHOR_NAME);
  }
}
