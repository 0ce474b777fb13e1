package io.pluresdb.tck.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** HQL's date-time functions through PluresDialect, with Hibernate's own rendering of each. */
@Timeout(300)
class HqlDatesTest {
  static final LocalDateTime TAKEN = LocalDateTime.of(2026, 1, 31, 10, 30, 15, 250_000_000);
  static final String ONE = " from Reading r where r.id = 1";

  @TempDir Path dir;
  SessionFactory orm;

  @BeforeEach
  void open() {
    orm = Orm.open(dir.resolve("dates.db"), "create", Reading.class);
    orm.inTransaction(s -> s.persist(new Reading(LocalDate.of(2026, 1, 31), TAKEN)));
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
  void timestampaddAndTimestampdiff() {
    assertThat(one("select timestampadd(day, 1, r.day)" + ONE)).isEqualTo(LocalDate.of(2026, 2, 1));
    assertThat(one("select timestampadd(month, 1, r.day)" + ONE))
        .isEqualTo(LocalDate.of(2026, 2, 28));
    assertThat(one("select timestampadd(hour, 2, r.taken)" + ONE)).isEqualTo(TAKEN.plusHours(2));
    assertThat(one("select timestampdiff(day, r.day, date 2026-03-01)" + ONE)).isEqualTo(29L);
    assertThat(one("select timestampdiff(minute, r.taken, timestampadd(hour, 1, r.taken))" + ONE))
        .isEqualTo(60L);
  }

  @Test
  void durationArithmetic() {
    assertThat(one("select r.day + 1 day" + ONE)).isEqualTo(LocalDate.of(2026, 2, 1));
    assertThat(one("select r.taken + 90 minute" + ONE)).isEqualTo(TAKEN.plusMinutes(90));
    assertThat(one("select r.taken - 1 week" + ONE)).isEqualTo(TAKEN.minusWeeks(1));
    assertThat(all("select r.id from Reading r where r.taken + 1 day > r.taken"))
        .containsExactly(1L);
  }

  @Test
  void truncateToAUnit() {
    assertThat(one("select truncate(r.taken, month)" + ONE))
        .isEqualTo(LocalDateTime.of(2026, 1, 1, 0, 0));
    assertThat(one("select trunc(r.taken, hour)" + ONE))
        .isEqualTo(LocalDateTime.of(2026, 1, 31, 10, 0));
    assertThat(one("select truncate(r.day, year)" + ONE)).isEqualTo(LocalDate.of(2026, 1, 1));
  }

  @Test
  void formatExtractAndCasts() {
    assertThat(one("select format(r.day as 'yyyy-MM-dd')" + ONE)).isEqualTo("2026-01-31");
    assertThat(one("select format(r.taken as 'dd/MM/yyyy HH:mm')" + ONE))
        .isEqualTo("31/01/2026 10:30");
    assertThat(one("select extract(year from r.day)" + ONE)).isEqualTo(2026);
    assertThat(one("select extract(month from r.taken)" + ONE)).isEqualTo(1);
    assertThat(one("select extract(hour from r.taken)" + ONE)).isEqualTo(10);
    assertThat(one("select year(r.day)" + ONE)).isEqualTo(2026);
    assertThat(one("select cast(r.day as String)" + ONE)).isEqualTo("2026-01-31");
    assertThat(one("select cast(r.taken as String)" + ONE)).isEqualTo("2026-01-31 10:30:15.250");
  }

  /**
   * {@code current_timestamp} and {@code current_date} are the local ones, read back as Hibernate
   * reads every timestamp (in the JVM's zone); tck-hibernate6 runs this in a zone other than UTC.
   */
  @Test
  void currentTimestampIsLocalTime() {
    LocalDateTime before = LocalDateTime.now(ZoneId.systemDefault()).minusMinutes(2);
    Object now = one("select current_timestamp" + ONE);
    LocalDateTime after = LocalDateTime.now(ZoneId.systemDefault()).plusMinutes(2);
    LocalDateTime read =
        now instanceof java.sql.Timestamp t ? t.toLocalDateTime() : (LocalDateTime) now;
    assertThat(read).isBetween(before, after);
    assertThat(one("select local datetime" + ONE)).isInstanceOf(LocalDateTime.class);
    assertThat(((LocalDateTime) one("select local datetime" + ONE))).isBetween(before, after);
    assertThat(((java.sql.Date) one("select current_date" + ONE)).toLocalDate())
        .isBetween(before.toLocalDate(), after.toLocalDate());
  }

  @Test
  void currentDateAndTimestampAndFractionalParameters() {
    assertThat(all("select r.id from Reading r where r.day < current_date")).containsExactly(1L);
    assertThat(all("select r.id from Reading r where r.taken < current_timestamp"))
        .containsExactly(1L);
    assertThat(((java.sql.Date) one("select current_date" + ONE)).toLocalDate())
        .isAfter(LocalDate.of(2026, 1, 1));
    List<Long> found =
        orm.fromTransaction(
            s ->
                s.createSelectionQuery("select r.id from Reading r where r.taken = :t", Long.class)
                    .setParameter("t", TAKEN)
                    .list());
    assertThat(found).containsExactly(1L);
  }
}
