package io.pluresdb.bench;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Distinct kinds of statement an application sends soon after it connects, each once, with
 * literals, on the fixture's schema: point and range reads, sorting, grouping, joins, subqueries,
 * functions, a CTE, a UNION, and single-row and set-based writes. Each plans differently, so none
 * is served by a plan another made.
 *
 * <p>Stateless.
 */
final class StatementShapes {
  static final List<String> SHAPES =
      List.of(
          "SELECT name, year FROM album WHERE id = 42",
          "SELECT count(*) FROM album WHERE year BETWEEN 1970 AND 1979",
          "SELECT id, name FROM album WHERE year > 1990 ORDER BY name DESC LIMIT 5",
          "SELECT artist_id, count(*), max(year) FROM album GROUP BY artist_id"
              + " HAVING count(*) > 3",
          "SELECT r.name, a.name FROM album a JOIN artist r ON r.id = a.artist_id WHERE a.id = 7",
          "SELECT r.id, count(a.id) FROM artist r LEFT JOIN album a ON a.artist_id = r.id"
              + " GROUP BY r.id ORDER BY 2 DESC LIMIT 3",
          "SELECT name FROM artist WHERE id IN (SELECT artist_id FROM album WHERE year = 1999)",
          "SELECT name FROM artist r WHERE EXISTS"
              + " (SELECT 1 FROM album a WHERE a.artist_id = r.id AND a.year < 1965)",
          "SELECT DISTINCT year FROM album WHERE artist_id = 3",
          "SELECT upper(name), length(name), substr(name, 1, 5) FROM album WHERE id < 10",
          "SELECT id, CASE WHEN year < 1980 THEN 'old' ELSE 'new' END FROM album WHERE id <= 20",
          "SELECT name FROM album WHERE name LIKE 'album 1%' LIMIT 10",
          "SELECT coalesce(year, 0) + 1 FROM album WHERE id = 5",
          "WITH recent AS (SELECT * FROM album WHERE year > 2000) SELECT count(*) FROM recent",
          "SELECT id FROM album WHERE year = 1961 UNION ALL SELECT id FROM artist WHERE id < 3",
          "INSERT INTO album VALUES (900001, 'new album', 2024, 1)",
          "INSERT INTO album VALUES (900002, 'a', 2001, 2), (900003, 'b', 2002, 3)",
          "UPDATE album SET year = year + 1 WHERE id = 10",
          "UPDATE album SET name = 'renamed' WHERE artist_id = 4 AND year > 1990",
          "DELETE FROM album WHERE id = 11",
          "INSERT INTO artist (id, name) SELECT id + 1000, name FROM artist WHERE id < 5",
          "SELECT year, count(*) AS n FROM album GROUP BY year ORDER BY n DESC, year"
              + " LIMIT 1 OFFSET 2");

  private StatementShapes() {}

  /** Runs one statement and reads all it returns; the number of rows read or written. */
  static long run(Statement s, String sql) throws SQLException {
    if (!s.execute(sql)) {
      return s.getUpdateCount();
    }
    long rows = 0;
    try (ResultSet rs = s.getResultSet()) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int i = 1; i <= columns; i++) {
          rs.getObject(i);
        }
        rows++;
      }
    }
    return rows;
  }
}
