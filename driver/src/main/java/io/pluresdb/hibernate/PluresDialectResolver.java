package io.pluresdb.hibernate;

import org.hibernate.dialect.Dialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolver;
import org.jspecify.annotations.Nullable;

/**
 * Lets Hibernate pick {@link PluresDialect} by itself: Hibernate loads this resolver through {@code
 * META-INF/services} and asks it about the connection's {@code DatabaseMetaData}, so an application
 * needs no {@code hibernate.dialect} setting.
 */
public final class PluresDialectResolver implements DialectResolver {
  /** What the driver reports as {@code DatabaseMetaData.getDatabaseProductName()}. */
  static final String PRODUCT_NAME = "PluresDB";

  @Override
  public @Nullable Dialect resolveDialect(DialectResolutionInfo info) {
    return PRODUCT_NAME.equals(info.getDatabaseName()) ? new PluresDialect(info) : null;
  }
}
