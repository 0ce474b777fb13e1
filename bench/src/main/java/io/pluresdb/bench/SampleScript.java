package io.pluresdb.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A sample database's load script, as published ones look: thousands of distinct {@code INSERT INTO
 * album VALUES (…), (…)} statements of literals, one to five rows each, some names quoted with an
 * apostrophe, some years NULL. Every statement's text is new to the database that runs it.
 *
 * <p>Stateless.
 */
final class SampleScript {
  static final int STATEMENTS = 2_000;
  static final int MAX_ROWS = 5;

  private SampleScript() {}

  /** The statements, with album ids from {@code firstId}. */
  static List<String> albums(long firstId) {
    List<String> script = new ArrayList<>(STATEMENTS);
    long id = firstId;
    for (int i = 0; i < STATEMENTS; i++) {
      StringBuilder sql = new StringBuilder("INSERT INTO album VALUES ");
      int rows = 1 + i % MAX_ROWS;
      for (int r = 0; r < rows; r++, id++) {
        if (r > 0) {
          sql.append(", ");
        }
        String name = id % 7 == 0 ? "O''Brien''s album " + id : "album " + id;
        String year = id % 11 == 0 ? "NULL" : Long.toString(1960 + id % 60);
        sql.append(
            String.format(Locale.ROOT, "(%d, '%s', %s, %d)", id, name, year, id % Fixture.ARTISTS));
      }
      script.add(sql.toString());
    }
    return script;
  }

  /** How many rows {@link #albums} inserts. */
  static long rows() {
    long rows = 0;
    for (int i = 0; i < STATEMENTS; i++) {
      rows += 1 + i % MAX_ROWS;
    }
    return rows;
  }
}
