package io.pluresdb.hibernate;

import jakarta.persistence.TemporalType;
import java.util.function.Consumer;
import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.DialectDelegateWrapper;
import org.hibernate.dialect.function.CommonFunctionFactory;
import org.hibernate.query.sqm.IntervalType;
import org.hibernate.query.sqm.TemporalUnit;
import org.hibernate.sql.ast.SqlAstNodeRenderingMode;

/**
 * {@link PluresDialect}'s {@code timestampadd}/{@code timestampdiff} patterns for Hibernate ORM
 * 6.6, whose methods take {@code org.hibernate.query.sqm.TemporalUnit}. Compiled against Hibernate
 * 6.6 (this source folder has a build step of its own) and loaded by {@link HibernateGeneration}
 * only when 6.x runs; everything else is the wrapped dialect's.
 */
final class Hibernate6DateArithmetic extends DialectDelegateWrapper
    implements Consumer<FunctionContributions> {
  public Hibernate6DateArithmetic(Dialect wrapped) {
    super(wrapped);
  }

  /** Registers {@code timestampadd}/{@code timestampdiff} on this dialect, as 6.6's own do. */
  @Override
  public void accept(FunctionContributions functions) {
    new CommonFunctionFactory(functions)
        .timestampaddAndDiff(this, SqlAstNodeRenderingMode.NO_PLAIN_PARAMETER);
  }

  @Override
  public String timestampaddPattern(
      TemporalUnit unit, TemporalType temporalType, IntervalType intervalType) {
    return PluresDateFunctions.addPattern(unit.name());
  }

  @Override
  public String timestampdiffPattern(
      TemporalUnit unit, TemporalType fromTemporalType, TemporalType toTemporalType) {
    return PluresDateFunctions.diffPattern(unit.name());
  }
}
