package io.pluresdb.tck.hibernate;

import java.nio.file.Path;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;

/** Plain Hibernate bootstrap (no container) over a {@code jdbc:pluresdb:} file. */
final class Orm {
  private Orm() {}

  /**
   * A session factory for these entities on {@code file}, with schema generation {@code hbm2ddl}
   * ("create" or "update"). No dialect is named: Hibernate resolves it from the connection.
   */
  static SessionFactory open(Path file, String hbm2ddl, Class<?>... entities) {
    Configuration cfg = new Configuration();
    for (Class<?> e : entities) {
      cfg.addAnnotatedClass(e);
    }
    return cfg.setProperty("hibernate.connection.url", "jdbc:pluresdb:" + file)
        .setProperty("hibernate.hbm2ddl.auto", hbm2ddl)
        .setProperty("hibernate.hbm2ddl.halt_on_error", "true")
        .setProperty("hibernate.show_sql", "true")
        .buildSessionFactory();
  }
}
