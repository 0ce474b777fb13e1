package io.pluresdb.tck.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The HQL functions and statements applications reach for, rendered into SQL PluresDB runs. */
@Timeout(300)
class HqlExpressionsTest {
  @TempDir Path dir;
  SessionFactory orm;
  Long artistId;

  @BeforeEach
  void open() {
    orm = Orm.open(dir.resolve("hql.db"), "create", Artist.class, Album.class);
    artistId =
        orm.fromTransaction(
            s -> {
              Artist a = new Artist("Nina", new Address("Main St", "Tryon"), null);
              a.add(
                  new Album("Blue", Genre.JAZZ, LocalDate.of(1959, 2, 1), new BigDecimal("9.99")));
              a.add(new Album("Baltimore", Genre.SOUL, null, new BigDecimal("4.50")));
              s.persist(a);
              return a.id();
            });
  }

  @AfterEach
  void close() {
    orm.close();
  }

  private Object one(String hql) {
    return orm.fromTransaction(s -> s.createSelectionQuery(hql, Object.class).getSingleResult());
  }

  private List<Object> all(String hql) {
    return orm.fromTransaction(s -> s.createSelectionQuery(hql, Object.class).list());
  }

  @Test
  void stringFunctions() {
    String blue = "from Album b where b.title = 'Blue'";
    assertThat(one("select concat(b.title, '-', b.genre) " + blue)).isEqualTo("Blue-JAZZ");
    assertThat(one("select b.title || '!' " + blue)).isEqualTo("Blue!");
    assertThat(one("select locate('u', b.title) " + blue)).isEqualTo(3);
    assertThat(one("select left(b.title, 2) || right(b.title, 2) " + blue)).isEqualTo("Blue");
    assertThat(one("select upper(substring(b.title, 2, 2)) " + blue)).isEqualTo("LU");
    assertThat(one("select length(trim(b.title)) " + blue)).isEqualTo(4);
    assertThat(one("select replace(lower(b.title), 'b', 'g') " + blue)).isEqualTo("glue");
  }

  @Test
  void castsNullsCasesAndDates() {
    String blue = "from Album b where b.title = 'Blue'";
    assertThat(one("select cast(b.price as Integer) " + blue)).isEqualTo(9);
    assertThat(one("select cast(b.released as String) " + blue)).isEqualTo("1959-02-01");
    assertThat(one("select coalesce(b.notes, 'none') " + blue)).isEqualTo("none");
    assertThat(one("select extract(year from b.released) " + blue)).isEqualTo(1959);
    assertThat(one("select case when b.price > 5 then 'dear' else 'cheap' end " + blue))
        .isEqualTo("dear");
    assertThat(all("select b.title from Album b where b.inPrint = true order by b.title"))
        .containsExactly("Baltimore", "Blue");
    assertThat(all("select b.title from Album b order by b.released nulls first"))
        .containsExactly("Baltimore", "Blue");
    assertThat(all("select b.title from Album b order by b.released desc nulls last"))
        .containsExactly("Blue", "Baltimore");
  }

  @Test
  void windowFunctionsSubqueriesAndCollections() {
    assertThat(all("select row_number() over (order by b.title desc) from Album b"))
        .containsExactly(1L, 2L);
    assertThat(
            all(
                "select b.title from Album b where b.price ="
                    + " (select max(c.price) from Album c where c.artist = b.artist)"))
        .containsExactly("Blue");
    assertThat(one("select size(a.albums) from Artist a")).isEqualTo(2);
    assertThat(all("select a.name from Artist a where a.albums is not empty"))
        .containsExactly("Nina");
  }

  @Test
  void bulkUpdateDeleteAndInsert() {
    int updated =
        orm.fromTransaction(
            s ->
                s.createMutationQuery("update Album set price = price * 2 where genre = :g")
                    .setParameter("g", Genre.SOUL)
                    .executeUpdate());
    assertThat(updated).isEqualTo(1);
    assertThat((BigDecimal) one("select b.price from Album b where b.title = 'Baltimore'"))
        .isEqualByComparingTo("9.00");
    orm.inTransaction(
        s ->
            s.createMutationQuery("insert into Artist (name, version) values ('Otis', 0)")
                .executeUpdate());
    assertThat(all("select a.name from Artist a order by a.name")).containsExactly("Nina", "Otis");
    int deleted =
        orm.fromTransaction(
            s -> s.createMutationQuery("delete from Album where price < 9.5").executeUpdate());
    assertThat(deleted).isEqualTo(1);
  }

  @Test
  void aPessimisticLockReadsTheRow() {
    String name =
        orm.fromTransaction(
            s -> s.find(Artist.class, artistId, LockModeType.PESSIMISTIC_WRITE).name());
    assertThat(name).isEqualTo("Nina");
  }
}
