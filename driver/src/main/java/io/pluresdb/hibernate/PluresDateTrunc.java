package io.pluresdb.hibernate;

import org.hibernate.dialect.function.DateTruncEmulation;
import org.hibernate.type.spi.TypeConfiguration;

/**
 * HQL's {@code truncate(d, unit)} and {@code trunc(d, unit)} of a date or timestamp. Hibernate's
 * emulation formats the value up to the unit and pads the rest ({@code format(d as 'yyyy-MM') ||
 * '-01 00:00:00'}, here {@code strftime('%Y-%m', d) || '-01 00:00:00'}), then hands that text and a
 * pattern that would parse it to a function of two arguments. The text is already a timestamp in
 * the form PluresDB stores, so it is the result as it is: the function is {@code nullif(text,
 * pattern)}, which gives the text back (NULL for NULL), since a formatted value, all digits, never
 * equals its pattern of letters. SQLite has no function that parses with a pattern.
 *
 * <p>Only the constructor is used, not {@code render}: its signature names a type that moved
 * between Hibernate 6.6 and 7, and this class serves both.
 */
final class PluresDateTrunc extends DateTruncEmulation {
  PluresDateTrunc(TypeConfiguration types) {
    super("nullif", types);
  }
}
