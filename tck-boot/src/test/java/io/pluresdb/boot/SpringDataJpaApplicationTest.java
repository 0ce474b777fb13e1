package io.pluresdb.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.boot.app.Owner;
import io.pluresdb.boot.app.OwnerRepository;
import io.pluresdb.boot.app.Pet;
import io.pluresdb.boot.app.PetClinic;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Clob;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * A Spring Boot + Spring Data JPA application with {@code Integer} ids and a seed script that
 * relies on ids 1..n, started with Spring Boot's defaults and only the URL set (the driver class
 * and the seed script's run come from the PluresDB auto-configuration): it starts without a warning
 * from the pool, and creates, reads, updates, deletes, pages and runs repository queries.
 */
@Timeout(300)
class SpringDataJpaApplicationTest {
  @TempDir static Path dir;

  static ConfigurableApplicationContext app;
  static final ByteArrayOutputStream log = new ByteArrayOutputStream();

  @BeforeAll
  static void start() {
    PrintStream err = System.err;
    System.setErr(new PrintStream(new TeeStream(err, log), true, StandardCharsets.UTF_8));
    try {
      app =
          SpringApplication.run(
              PetClinic.class,
              "--spring.datasource.url=jdbc:pluresdb:" + dir.resolve("clinic.db"),
              "--spring.jpa.hibernate.ddl-auto=create",
              "--spring.jpa.defer-datasource-initialization=true",
              "--spring.main.banner-mode=off");
    } finally {
      System.setErr(err);
    }
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void startsWithoutThePoolDiscardingConnections() throws Exception {
    String startLog = log.toString(StandardCharsets.UTF_8);
    assertThat(startLog).doesNotContain("marked as broken").doesNotContain("0A000");
    try (Connection c = app.getBean(DataSource.class).getConnection()) {
      Clob clob = c.createClob();
      clob.setString(1, "probe");
      assertThat(clob.length()).isEqualTo(5);
    }
  }

  @Test
  void theSeedScriptsIdsAreOneToN() {
    OwnerRepository owners = app.getBean(OwnerRepository.class);
    List<Owner> all = owners.findAll(Sort.by("id"));
    assertThat(all).extracting(Owner::getId).startsWith(1, 2, 3, 4);
    assertThat(owners.countPets(3)).isEqualTo(2);
    assertThat(owners.findByCityOrderByNameAsc("Madison"))
        .extracting(Owner::getName)
        .containsExactly("George Franklin");
  }

  @Test
  void createReadUpdateDeleteWithIntegerIds() {
    OwnerRepository owners = app.getBean(OwnerRepository.class);
    Owner jean = new Owner("Jean Coleman", "Monona");
    jean.addPet(new Pet("Samantha", LocalDate.of(2012, 9, 4)));
    jean.addPet(new Pet("Max", LocalDate.of(2012, 9, 4)));
    Owner saved = owners.save(jean);
    assertThat(saved.getId()).isGreaterThan(4);
    assertThat(saved.getPets()).extracting(Pet::getId).doesNotContainNull();

    Owner read = owners.findById(saved.getId()).orElseThrow();
    assertThat(read.getName()).isEqualTo("Jean Coleman");
    read.setName("Jean Coleman-Smith");
    owners.save(read);
    assertThat(owners.findById(saved.getId()).orElseThrow().getName())
        .isEqualTo("Jean Coleman-Smith");
    assertThat(owners.withPetNamed("Sam")).extracting(Owner::getId).contains(saved.getId());

    owners.deleteById(saved.getId());
    assertThat(owners.findById(saved.getId())).isEmpty();
    assertThat(owners.countPets(saved.getId())).isZero();
  }

  @Test
  void pagesAndSorts() {
    OwnerRepository owners = app.getBean(OwnerRepository.class);
    Page<Owner> first = owners.findAll(PageRequest.of(0, 2, Sort.by("name")));
    assertThat(first.getTotalElements()).isGreaterThanOrEqualTo(4);
    assertThat(first.getContent())
        .extracting(Owner::getName)
        .containsExactly("Betty Davis", "Eduardo Rodriquez");
    Page<Owner> second = owners.findAll(first.nextPageable());
    assertThat(second.getContent()).extracting(Owner::getName).startsWith("George Franklin");
  }

  /** Copies what the application writes to standard error, so the test can read its start log. */
  private static final class TeeStream extends java.io.OutputStream {
    private final java.io.OutputStream a;
    private final java.io.OutputStream b;

    TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public void write(int c) throws java.io.IOException {
      a.write(c);
      b.write(c);
    }

    @Override
    public void write(byte[] buf, int off, int len) throws java.io.IOException {
      a.write(buf, off, len);
      b.write(buf, off, len);
    }
  }
}
