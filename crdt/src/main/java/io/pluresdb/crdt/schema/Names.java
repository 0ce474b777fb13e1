package io.pluresdb.crdt.schema;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * How schema names compare. As in SQLite, a name is kept as written ({@code Customer}) and matches
 * whatever its case, quoted or not ({@code customer}, {@code "CUSTOMER"}): the catalog's maps are
 * keyed ignoring case, and the written name is the one its definition holds. Catalogs stored when
 * names were folded to lower case read the same way.
 */
public final class Names {
  private Names() {}

  /** True when two names name the same object. */
  public static boolean same(String a, String b) {
    return a.equalsIgnoreCase(b);
  }

  /** An empty mutable map keyed by name, ignoring case. */
  public static <V> NavigableMap<String, V> map() {
    return new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  }

  /** A mutable copy of {@code from} keyed by name, ignoring case. */
  public static <V> NavigableMap<String, V> copy(Map<String, ? extends V> from) {
    NavigableMap<String, V> m = map();
    m.putAll(from);
    return m;
  }

  /** An unmodifiable copy of {@code from} keyed by name, ignoring case. */
  public static <V> Map<String, V> frozen(Map<String, ? extends V> from) {
    return Collections.unmodifiableNavigableMap(copy(from));
  }
}
