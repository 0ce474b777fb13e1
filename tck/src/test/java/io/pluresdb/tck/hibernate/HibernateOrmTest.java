package io.pluresdb.tck.hibernate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pluresdb.hibernate.PluresDialect;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Root;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(300)
class HibernateOrmTest {
  @TempDir Path dir;
  SessionFactory orm;

  @BeforeEach
  void open() {
    orm = Orm.open(dir.resolve("music.db"), "create", Artist.class, Album.class);
  }

  @AfterEach
  void close() {
    orm.close();
  }

  private Long nina() {
    return orm.fromTransaction(
        s -> {
          Artist a =
              new Artist(
                  "Nina Simone",
                  new Address("1 Main St", "Tryon"),
                  Instant.parse("1958-06-01T10:15:30.123456Z"));
          a.add(new Album("Little Girl Blue", Genre.JAZZ, LocalDate.of(1959, 2, 1), price("9.99")));
          a.add(new Album("Pastel Blues", Genre.BLUES, LocalDate.of(1965, 10, 1), price("12.50")));
          a.add(new Album("Silk & Soul", Genre.SOUL, LocalDate.of(1967, 9, 1), price("11.00")));
          s.persist(a);
          return a.id();
        });
  }

  private Long artist(String name, Genre genre, int albums) {
    return orm.fromTransaction(
        s -> {
          Artist a = new Artist(name, new Address(null, "Chicago"), null);
          for (int i = 0; i < albums; i++) {
            a.add(new Album(name + " " + i, genre, LocalDate.of(1970 + i, 1, 1), price("5.00")));
          }
          s.persist(a);
          return a.id();
        });
  }

  private static BigDecimal price(String p) {
    return new BigDecimal(p);
  }

  @Test
  void theDialectIsResolvedFromTheConnection() {
    assertThat(orm.unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect())
        .isInstanceOf(PluresDialect.class);
  }

  @Test
  void persistedEntitiesReadBackWithEveryFieldAndRelation() {
    Long id = nina();
    UUID ref = UUID.randomUUID();
    LocalDateTime catalogued = LocalDateTime.of(2024, 2, 29, 12, 30, 45, 123_000_000);
    orm.inTransaction(
        s ->
            s.createSelectionQuery("from Album where title = 'Pastel Blues'", Album.class)
                .getSingleResult()
                .details(catalogued, false, ref, new byte[] {1, 2, 3}, "liner notes"));

    orm.inTransaction(
        s -> {
          Artist a = s.find(Artist.class, id);
          assertThat(a.name()).isEqualTo("Nina Simone");
          assertThat(a.address().city()).isEqualTo("Tryon");
          assertThat(a.address().street()).isEqualTo("1 Main St");
          assertThat(a.signedAt()).isEqualTo(Instant.parse("1958-06-01T10:15:30.123456Z"));
          assertThat(a.albums())
              .extracting(Album::title)
              .containsExactlyInAnyOrder("Little Girl Blue", "Pastel Blues", "Silk & Soul");
          Album pastel =
              a.albums().stream().filter(b -> b.title().equals("Pastel Blues")).findFirst().get();
          assertThat(pastel.genre()).isEqualTo(Genre.BLUES);
          assertThat(pastel.released()).isEqualTo(LocalDate.of(1965, 10, 1));
          // numeric(38,2) keeps its scale: equal as BigDecimal, not only by value
          assertThat(pastel.price()).isEqualTo(new BigDecimal("12.50"));
          assertThat(pastel.catalogued()).isEqualTo(catalogued);
          assertThat(pastel.inPrint()).isFalse();
          assertThat(pastel.reference()).isEqualTo(ref);
          assertThat(pastel.cover()).containsExactly(1, 2, 3);
          assertThat(pastel.notes()).isEqualTo("liner notes");
          assertThat(pastel.artist().id()).isEqualTo(id);
        });
  }

  @Test
  void identityAndPooledSequenceIdsAreDistinct() {
    Set<Long> artistIds = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      artistIds.add(artist("Artist " + i, Genre.SOUL, 30));
    }
    assertThat(artistIds).hasSize(5).allMatch(id -> id > 0);
    List<Long> albumIds =
        orm.fromTransaction(s -> s.createSelectionQuery("select id from Album", Long.class).list());
    assertThat(albumIds).hasSize(150).doesNotHaveDuplicates().allMatch(id -> id > 0);
  }

  @Test
  void mergeAndRemoveChangeTheDatabase() {
    Long id = nina();
    Artist detached = orm.fromTransaction(s -> s.find(Artist.class, id));
    detached.name("Eunice Waymon");
    orm.inTransaction(s -> s.merge(detached));
    orm.inTransaction(s -> assertThat(s.find(Artist.class, id).name()).isEqualTo("Eunice Waymon"));
    int version = orm.fromTransaction(s -> s.find(Artist.class, id).version());
    assertThat(version).isEqualTo(detached.version() + 1);

    orm.inTransaction(s -> s.remove(s.find(Artist.class, id)));
    orm.inTransaction(
        s -> {
          assertThat(s.find(Artist.class, id)).isNull();
          assertThat(
                  s.createSelectionQuery("select count(*) from Album", Long.class)
                      .getSingleResult())
              .isZero();
        });
  }

  @Test
  void aStaleUpdateFailsWithOptimisticLockException() {
    Long id = nina();
    Artist stale = orm.fromTransaction(s -> s.find(Artist.class, id));
    orm.inTransaction(s -> s.find(Artist.class, id).name("First writer"));
    stale.name("Second writer");
    assertThatThrownBy(() -> orm.inTransaction(s -> s.merge(stale)))
        .isInstanceOf(OptimisticLockException.class);
    orm.inTransaction(s -> assertThat(s.find(Artist.class, id).name()).isEqualTo("First writer"));
  }

  @Test
  void jpqlJoinsFetchJoinsPaginationAndAggregates() {
    nina();
    artist("Otis Redding", Genre.SOUL, 4);
    artist("Muddy Waters", Genre.BLUES, 2);
    orm.inTransaction(
        s -> {
          List<String> soulArtists =
              s.createSelectionQuery(
                      "select distinct a.name from Artist a join a.albums b"
                          + " where b.genre = :g order by a.name",
                      String.class)
                  .setParameter("g", Genre.SOUL)
                  .list();
          assertThat(soulArtists).containsExactly("Nina Simone", "Otis Redding");

          List<Artist> withAlbums =
              s.createSelectionQuery(
                      "select distinct a from Artist a join fetch a.albums order by a.name",
                      Artist.class)
                  .list();
          assertThat(withAlbums)
              .extracting(Artist::name)
              .containsExactly("Muddy Waters", "Nina Simone", "Otis Redding");
          s.clear();
          assertThat(withAlbums.get(2).albums()).hasSize(4); // fetched: readable detached

          List<String> page =
              s.createSelectionQuery("select b.title from Album b order by b.title", String.class)
                  .setFirstResult(2)
                  .setMaxResults(3)
                  .list();
          assertThat(page).containsExactly("Muddy Waters 1", "Otis Redding 0", "Otis Redding 1");

          List<Object[]> perGenre =
              s.createSelectionQuery(
                      "select b.genre, count(b), sum(b.price), max(b.released) from Album b"
                          + " group by b.genre having count(b) > 1 order by count(b) desc, b.genre",
                      Object[].class)
                  .list();
          assertThat(perGenre).hasSize(2);
          assertThat(perGenre.get(0)).containsSequence(Genre.SOUL, 5L);
          assertThat(perGenre.get(0)[2]).isEqualTo(new BigDecimal("31.00"));
          assertThat(perGenre.get(0)[3]).isEqualTo(LocalDate.of(1973, 1, 1));
          assertThat(perGenre.get(1)[0]).isEqualTo(Genre.BLUES);
          assertThat(perGenre.get(1)[1]).isEqualTo(3L);

          Double avg =
              s.createSelectionQuery(
                      "select avg(b.price) from Album b where b.artist.name = :n", Double.class)
                  .setParameter("n", "Muddy Waters")
                  .getSingleResult();
          assertThat(avg).isEqualTo(5.0);
        });
  }

  @Test
  void criteriaQueriesJoinFilterAndOrder() {
    nina();
    artist("Otis Redding", Genre.SOUL, 4);
    orm.inTransaction(
        s -> {
          CriteriaBuilder cb = s.getCriteriaBuilder();
          CriteriaQuery<Album> q = cb.createQuery(Album.class);
          Root<Album> album = q.from(Album.class);
          Join<Album, Artist> artist = album.join("artist");
          q.select(album)
              .where(
                  cb.equal(artist.get("name"), "Otis Redding"),
                  cb.greaterThanOrEqualTo(album.get("released"), LocalDate.of(1971, 1, 1)))
              .orderBy(cb.desc(album.get("released")));
          assertThat(s.createQuery(q).getResultList())
              .extracting(Album::title)
              .containsExactly("Otis Redding 3", "Otis Redding 2", "Otis Redding 1");

          CriteriaQuery<Long> count = cb.createQuery(Long.class);
          Root<Album> all = count.from(Album.class);
          count.select(cb.count(all)).where(cb.like(all.get("title"), "%Blue%"));
          assertThat(s.createQuery(count).getSingleResult()).isEqualTo(2L);
        });
  }

  @Test
  void aRolledBackTransactionLeavesNothing() {
    Session s = orm.openSession();
    s.beginTransaction();
    Artist a = new Artist("Ghost", new Address("nowhere", "none"), null);
    a.add(new Album("Never", Genre.JAZZ, LocalDate.of(2000, 1, 1), price("1.00")));
    s.persist(a);
    s.flush();
    s.getTransaction().rollback();
    s.close();
    orm.inTransaction(
        t -> {
          assertThat(
                  t.createSelectionQuery("select count(*) from Artist", Long.class)
                      .getSingleResult())
              .isZero();
          assertThat(
                  t.createSelectionQuery("select count(*) from Album", Long.class)
                      .getSingleResult())
              .isZero();
        });
  }

  @Test
  void theForeignKeysHibernateCreatesAreEnforcedAndReported() {
    Long artist = nina();
    orm.inSession(
        s ->
            s.doWork(
                c -> {
                  try (ResultSet fk = c.getMetaData().getImportedKeys(null, null, "album")) {
                    assertThat(fk.next()).isTrue();
                    // as Hibernate wrote it in CREATE TABLE, which SQLite's driver reports too
                    assertThat(fk.getString("PKTABLE_NAME")).isEqualTo("Artist");
                    assertThat(fk.getString("PKCOLUMN_NAME")).isEqualTo("id");
                    assertThat(fk.getString("FKCOLUMN_NAME")).isEqualTo("artist_id");
                    assertThat(fk.getString("FK_NAME")).startsWithIgnoringCase("fk");
                    assertThat(fk.next()).isFalse();
                  }
                  assertThatThrownBy(
                          () ->
                              c.createStatement()
                                  .executeUpdate(
                                      "UPDATE album SET artist_id = "
                                          + (artist + 1_000_000)
                                          + " WHERE title = 'Pastel Blues'"))
                      .isInstanceOf(SQLException.class)
                      .extracting(e -> ((SQLException) e).getSQLState())
                      .isEqualTo("23503");
                }));
  }

  @Test
  void schemaUpdateAddsTheColumnOfANewField() throws SQLException {
    Path file = dir.resolve("notes.db");
    try (SessionFactory v1 = Orm.open(file, "create", Note.class)) {
      v1.inTransaction(s -> s.persist(new Note("before")));
    }
    try (SessionFactory v2 = Orm.open(file, "update", NoteWithPriority.class)) {
      v2.inTransaction(s -> s.persist(new NoteWithPriority("after", 3)));
    }
    // a second update finds nothing to do
    Orm.open(file, "update", NoteWithPriority.class).close();
    try (Connection c = DriverManager.getConnection("jdbc:pluresdb:" + file);
        ResultSet r =
            c.createStatement().executeQuery("SELECT text, priority FROM note ORDER BY text")) {
      assertThat(r.next()).isTrue();
      assertThat(r.getString(1)).isEqualTo("after");
      assertThat(r.getInt(2)).isEqualTo(3);
      assertThat(r.next()).isTrue();
      assertThat(r.getString(1)).isEqualTo("before");
      assertThat(r.getObject(2)).isNull();
      assertThat(r.next()).isFalse();
    }
  }

  @Test
  void pooledSequenceIdsOfTwoNodesNeverCollide() {
    Set<Long> ids = new HashSet<>();
    for (String node : List.of("a.db", "b.db")) {
      try (SessionFactory other =
          Orm.open(dir.resolve(node), "create", Artist.class, Album.class)) {
        other.inTransaction(
            s -> {
              Artist a = new Artist("Artist of " + node, null, null);
              for (int i = 0; i < 120; i++) {
                a.add(new Album("Album " + i, Genre.JAZZ, null, null));
              }
              s.persist(a);
            });
        ids.addAll(
            other.fromTransaction(
                s -> s.createSelectionQuery("select id from Album", Long.class).list()));
      }
    }
    assertThat(ids).hasSize(240);
  }
}
