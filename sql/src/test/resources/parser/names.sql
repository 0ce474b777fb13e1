# Names people give columns, tables and aliases work unquoted, as in SQLite and PostgreSQL.
# Unquoted names fold to lower case; quoted names keep their case.

SELECT year, month, day, value, date, time, timestamp FROM t
=> SELECT year, month, day, value, date, time, timestamp FROM t

SELECT name, type, status, key, position, count, data, text, language, role FROM t
=> SELECT name, type, status, key, position, count, data, text, language, role FROM t

SELECT hour, minute, second, result, start, min, max, sum, avg, uuid FROM t

SELECT Year, VALUE, Date FROM T
=> SELECT Year, VALUE, Date FROM T

SELECT t.year, t.value, t.date FROM t WHERE t.date > DATE '2024-01-01'
=> SELECT t.year, t.value, t.date FROM t WHERE t.date > DATE '2024-01-01'

SELECT a.name AS value, a.year AS date FROM album AS a
=> SELECT a.name AS value, a.year AS date FROM album AS a

SELECT date FROM events date
=> SELECT date FROM events AS date

SELECT year FROM year
=> SELECT year FROM year

SELECT "Year", "Value" FROM "Album"
=> SELECT "Year", "Value" FROM "Album"

INSERT INTO album (id, name, year, value, date) VALUES (1, 'x', 2001, 2.5, DATE '2024-01-01')

UPDATE album SET year = year + 1, value = 0, date = CURRENT_DATE WHERE name = 'x'

SELECT * FROM t WHERE year = 2001 AND month = 2 AND day = 3

SELECT year, COUNT(*) FROM album GROUP BY year HAVING COUNT(*) > 1 ORDER BY year

SELECT count FROM t WHERE count > 1

SELECT position FROM t ORDER BY position

SELECT user FROM accounts

# Literals and functions with those words still mean what they meant.

SELECT DATE '2024-01-01', TIME '12:30:00', TIMESTAMP '2024-01-01 12:30:00'
=> SELECT DATE '2024-01-01', TIME '12:30:00', TIMESTAMP '2024-01-01 12:30:00'

SELECT CURRENT_DATE, CURRENT_TIME, CURRENT_TIMESTAMP

SELECT COUNT(*), COUNT(DISTINCT year), MIN(year), MAX(value), SUM(value), AVG(value) FROM album
=> SELECT COUNT(*), COUNT(DISTINCT year), MIN(year), MAX(value), SUM(value), AVG(value) FROM album

SELECT POSITION('a' IN name) FROM t
=> SELECT POSITION('a' IN name) FROM t

SELECT EXTRACT(YEAR FROM released), EXTRACT(MONTH FROM released) FROM album

SELECT CAST(year AS VARCHAR(10)), CAST(value AS DATE), CAST(x AS TIMESTAMP) FROM t

SELECT released + INTERVAL '1' DAY FROM album

SELECT * FROM album WHERE released BETWEEN DATE '2000-01-01' AND DATE '2010-12-31'

# The lenient conformance: LIMIT/OFFSET, !=, and parameters for both.

SELECT a FROM t WHERE a != 1 LIMIT 10 OFFSET 5
=> SELECT a FROM t WHERE a <> 1 OFFSET 5 ROWS FETCH NEXT 10 ROWS ONLY

SELECT a FROM t LIMIT ? OFFSET ?
=> SELECT a FROM t OFFSET ? ROWS FETCH NEXT ? ROWS ONLY

SELECT a FROM t LIMIT ?
=> SELECT a FROM t FETCH NEXT ? ROWS ONLY

SELECT a FROM t ORDER BY a DESC LIMIT 1

# "value" is a name everywhere an expression may start, including function arguments.

SELECT MAX(value), coalesce(value, 0), (value + 1), abs(value) FROM t
=> SELECT MAX(value), COALESCE(value, 0), value + 1, ABS(value) FROM t

SELECT * FROM t WHERE value IN (SELECT value FROM u) AND (value > 1 OR date IS NULL)

SELECT SUM(year * value) / COUNT(date) FROM t GROUP BY (year)

SELECT CASE WHEN value > 0 THEN value ELSE -value END FROM t

SELECT * FROM (VALUES (1, 2)) AS v (value, year)

# Words that are also functions, units and types, used as names in every clause.

SELECT date, count FROM t GROUP BY date, count ORDER BY count DESC, date

SELECT SUM(value) OVER (PARTITION BY year ORDER BY date) FROM t

SELECT MIN(date), MAX(time), COUNT(timestamp), AVG(hour) FROM t

SELECT * FROM t WHERE timestamp > TIMESTAMP '2024-01-01 00:00:00' AND time < TIME '12:00:00'

SELECT CAST(time AS VARCHAR(8)), EXTRACT(HOUR FROM timestamp), timestamp + INTERVAL '1' HOUR FROM t

SELECT user, key, value FROM settings WHERE key = 'theme' AND user = ?

SELECT t.* FROM t WHERE start < 10 AND result IS NOT NULL

UPDATE t SET status = 'done', position = position + 1, data = NULL, text = 'x' WHERE key = ?
