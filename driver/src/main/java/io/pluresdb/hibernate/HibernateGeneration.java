package io.pluresdb.hibernate;

import java.lang.reflect.InvocationTargetException;
import java.util.Locale;
import java.util.function.Consumer;
import org.hibernate.Version;
import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.dialect.Dialect;

/**
 * Which generation of Hibernate ORM runs, and the dialect for its date arithmetic.
 *
 * <p>Hibernate asks a dialect for {@code timestampadd}/{@code timestampdiff} patterns through
 * methods whose first parameter, the {@code TemporalUnit} enum, moved from {@code
 * org.hibernate.query.sqm} (6.6) to {@code org.hibernate.query.common} (7). {@link PluresDialect}
 * is compiled against 7, so on 6.6 its overrides override nothing; {@code
 * Hibernate6DateArithmetic}, compiled against 6.6 (from {@code src/main/hibernate6}) and loaded
 * here by name only when 6.x runs, overrides 6.6's methods on a wrapper of the dialect.
 */
final class HibernateGeneration {
  private static final String HIBERNATE6_ARITHMETIC =
      "io.pluresdb.hibernate.Hibernate6DateArithmetic";

  private HibernateGeneration() {}

  /** True when the Hibernate on the class path is of the 6.x generation. */
  static boolean isSix() {
    return Version.getVersionString().startsWith("6.");
  }

  /**
   * On Hibernate 6.x, registers {@code timestampadd}/{@code timestampdiff} again on a 6.6 wrapper
   * of {@code dialect} whose patterns are the dialect's; on 7, the dialect's own overrides serve.
   */
  @SuppressWarnings("unchecked") // the loaded class is a Consumer<FunctionContributions>
  static void registerDateArithmetic(Dialect dialect, FunctionContributions functions) {
    if (!isSix()) {
      return;
    }
    Consumer<FunctionContributions> arithmetic;
    try {
      arithmetic =
          (Consumer<FunctionContributions>)
              Class.forName(HIBERNATE6_ARITHMETIC, true, HibernateGeneration.class.getClassLoader())
                  .getConstructor(Dialect.class)
                  .newInstance(dialect);
    } catch (ClassNotFoundException
        | NoSuchMethodException
        | InstantiationException
        | IllegalAccessException
        | InvocationTargetException e) {
      throw new IllegalStateException(
          String.format(
              Locale.ROOT,
              "PluresDialect cannot load its Hibernate %s date arithmetic (%s)",
              Version.getVersionString(),
              HIBERNATE6_ARITHMETIC),
          e);
    }
    arithmetic.accept(functions);
  }
}
