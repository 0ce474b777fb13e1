package io.pluresdb.hibernate;

import java.util.List;
import org.hibernate.dialect.function.DateTruncEmulation;
import org.hibernate.metamodel.model.domain.ReturnableType;
import org.hibernate.sql.ast.SqlAstTranslator;
import org.hibernate.sql.ast.spi.SqlAppender;
import org.hibernate.sql.ast.tree.SqlAstNode;
import org.hibernate.type.spi.TypeConfiguration;

/**
 * HQL's {@code truncate(d, unit)} and {@code trunc(d, unit)} of a date or timestamp. Hibernate's
 * emulation formats the value up to the unit and pads the rest ({@code format(d as 'yyyy-MM') ||
 * '-01 00:00:00'}); that text is already a timestamp in the stored form, so it is only passed
 * through SQLite's {@code datetime()}, where Hibernate would parse it with a pattern.
 */
final class PluresDateTrunc extends DateTruncEmulation {
  PluresDateTrunc(TypeConfiguration types) {
    super("datetime", types);
  }

  @Override
  public void render(
      SqlAppender sql,
      List<? extends SqlAstNode> arguments,
      ReturnableType<?> returnType,
      SqlAstTranslator<?> walker) {
    // arguments: the padded text, then the pattern Hibernate would parse it with (not needed)
    sql.appendSql("datetime(");
    arguments.get(0).accept(walker);
    sql.append(')');
  }
}
