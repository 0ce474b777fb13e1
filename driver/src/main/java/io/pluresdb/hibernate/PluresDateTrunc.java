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
 * '-01 00:00:00'}, here {@code strftime('%Y-%m', d) || '-01 00:00:00'}), then parses that text with
 * a pattern. The text is already a timestamp in the form PluresDB stores, so it is the result as it
 * is; SQLite has no function that parses with a pattern.
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
    // arguments: the value (for its type), the padded text, the pattern that would parse it
    sql.append('(');
    arguments.get(1).accept(walker);
    sql.append(')');
  }
}
