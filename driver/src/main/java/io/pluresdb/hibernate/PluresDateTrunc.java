package io.pluresdb.hibernate;

import java.util.List;
import org.hibernate.dialect.function.DateTruncEmulation;
import org.hibernate.metamodel.model.domain.ReturnableType;
import org.hibernate.sql.ast.SqlAstTranslator;
import org.hibernate.sql.ast.spi.SqlAppender;
import org.hibernate.sql.ast.tree.SqlAstNode;
import org.hibernate.sql.ast.tree.expression.ExtractUnit;
import org.hibernate.type.spi.TypeConfiguration;

/**
 * HQL's {@code truncate(d, unit)} and {@code trunc(d, unit)} of a date or timestamp, written as
 * SQLite's {@code strftime} with the fields below the unit given as constants ({@code
 * strftime('%Y-%m-01 00:00:00', d)} for a month): the result is a timestamp's stored text.
 * Hibernate's own emulation would parse a formatted text back with a pattern, which SQLite has no
 * function for; its argument checks and result type are kept.
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
    String format =
        arguments.size() > 1 && arguments.get(1) instanceof ExtractUnit unit
            ? switch (unit.getUnit()) {
              case YEAR -> "%Y-01-01 00:00:00";
              case MONTH -> "%Y-%m-01 00:00:00";
              case DAY -> "%Y-%m-%d 00:00:00";
              case HOUR -> "%Y-%m-%d %H:00:00";
              case MINUTE -> "%Y-%m-%d %H:%M:00";
              case SECOND -> "%Y-%m-%d %H:%M:%S";
              default ->
                  throw new UnsupportedOperationException(
                      "truncate() to "
                          + unit.getUnit()
                          + " (expected year, month, day, hour,"
                          + " minute or second)");
            }
            : "%Y-%m-%d %H:%M:%S";
    sql.appendSql("strftime('" + format + "',");
    arguments.get(0).accept(walker);
    sql.append(')');
  }
}
