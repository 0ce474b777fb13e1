# Queries pushed down to SQLite as one statement: the statement sent, and the rows.
statement ok
CREATE TABLE album (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL, year INTEGER, released DATE, artist_id BIGINT)

statement ok
CREATE TABLE artist (id BIGINT PRIMARY KEY, name VARCHAR NOT NULL, country CHAR(2))

statement count 3
INSERT INTO artist VALUES (1, 'Radiohead', 'GB'), (2, 'Björk', 'IS'), (3, 'Nobody', NULL)

statement count 5
INSERT INTO album VALUES
  (10, 'Kid A', 2000, '2000-10-02', 1),
  (11, 'Amnesiac', 2001, '2001-06-05', 1),
  (12, 'In Rainbows', 2007, '2007-10-10', 1),
  (13, 'Vespertine', 2001, '2001-08-27', 2),
  (14, 'Volta', NULL, NULL, 2)

# SELECT * lists the declared columns only: the hidden clock column never leaks.
query
SELECT * FROM album WHERE id = 10
---- sqlite
SELECT "album"."id", "album"."name", "album"."year", "album"."released", "album"."artist_id" FROM "main"."album" AS "album" WHERE "album"."id" = 10
---- rows
10|Kid A|2000|2000-10-02|1

# main.album and album are the same table.
query
SELECT main.album.name FROM main.album WHERE id = 11
---- rows
Amnesiac

# SQLite sorts NULLs first in ascending order; no NULLS FIRST/LAST rewrite is added.
query
SELECT name, year FROM album ORDER BY year, name
---- sqlite
SELECT "album"."name", "album"."year" FROM "main"."album" AS "album" ORDER BY "year", "name"
---- rows
Volta|NULL
Kid A|2000
Amnesiac|2001
Vespertine|2001
In Rainbows|2007

query
SELECT name FROM album ORDER BY id LIMIT 2 OFFSET 1
---- sqlite
SELECT "album"."name" FROM "main"."album" AS "album" ORDER BY "album"."id" LIMIT 2 OFFSET 1
---- rows
Amnesiac
In Rainbows

query
SELECT r.name, a.name FROM artist r LEFT JOIN album a ON a.artist_id = r.id AND a.year > 2005 ORDER BY r.id
---- rows
Radiohead|In Rainbows
Björk|NULL
Nobody|NULL

query
SELECT artist_id, COUNT(*), COUNT(DISTINCT year), MIN(year), MAX(year), SUM(year), AVG(year) FROM album GROUP BY artist_id HAVING COUNT(*) > 1 ORDER BY artist_id
---- rows
1|3|3|2000|2007|6008|2002.6666666666667
2|2|1|2001|2001|2001|2001.0

# Integer division stays integer division, as in SQLite.
query
SELECT 7 / 2, 7 % 3, MOD(7, 3), 7 / 2.0
---- rows
3|1|1|3.5

query
SELECT name FROM artist r WHERE EXISTS (SELECT 1 FROM album a WHERE a.artist_id = r.id AND a.year = 2001) ORDER BY name
---- sqlite
SELECT "r"."name" FROM "main"."artist" AS "r" WHERE EXISTS (SELECT 1 FROM "main"."album" AS "a" WHERE "a"."artist_id" = "r"."id" AND "a"."year" = 2001) ORDER BY "name"
---- rows
Björk
Radiohead

query
SELECT r.name, (SELECT COUNT(*) FROM album a WHERE a.artist_id = r.id) AS albums FROM artist r ORDER BY albums DESC, r.name
---- rows
Radiohead|3
Björk|2
Nobody|0

query
SELECT name FROM artist WHERE id IN (SELECT artist_id FROM album WHERE year < 2001)
---- rows
Radiohead

query
SELECT name, CASE WHEN year IS NULL THEN 'unknown' WHEN year < 2001 THEN 'old' ELSE 'new' END FROM album ORDER BY id
---- rows
Kid A|old
Amnesiac|new
In Rainbows|new
Vespertine|new
Volta|unknown

query
SELECT name FROM album WHERE name LIKE '%a%' AND id IN (10, 11, 14) AND year BETWEEN 1990 AND 2001 ORDER BY name
---- sqlite
SELECT "album"."name" FROM "main"."album" AS "album" WHERE "album"."name" LIKE '%a%' AND "album"."id" IN (10, 11, 14) AND ("album"."year" BETWEEN 1990 AND 2001) ORDER BY "name"
---- rows
Amnesiac
Kid A

query
SELECT name FROM album WHERE year NOT BETWEEN 2001 AND 2006 ORDER BY name
---- rows
In Rainbows
Kid A

query
SELECT DISTINCT year FROM album WHERE year IS NOT NULL ORDER BY 1
---- rows
2000
2001
2007

query
SELECT name FROM artist WHERE id < 3 UNION SELECT name FROM album WHERE id > 12 ORDER BY 1
---- rows
Björk
Radiohead
Vespertine
Volta

query
SELECT country FROM artist UNION ALL SELECT country FROM artist ORDER BY 1
---- rows
NULL
NULL
GB
GB
IS
IS

# Functions: standard spellings become SQLite's, SQLite's own pass through.
query
SELECT CHAR_LENGTH(name), LENGTH(name), SUBSTRING(name FROM 2 FOR 3), SUBSTR(name, 1, 3), POSITION('n' IN name), INSTR(name, 'n'), UPPER(name), LOWER(name), REPLACE(name, 'A', 'a') FROM album WHERE id = 11
---- sqlite
SELECT LENGTH("album"."name"), LENGTH("album"."name"), SUBSTR("album"."name", 2, 3), SUBSTR("album"."name", 1, 3), INSTR("album"."name", 'n'), INSTR("album"."name", 'n'), UPPER("album"."name"), LOWER("album"."name"), REPLACE("album"."name", 'A', 'a') FROM "main"."album" AS "album" WHERE "album"."id" = 11
---- rows
8|8|mne|Amn|3|3|AMNESIAC|amnesiac|amnesiac

query
SELECT TRIM('  x  '), TRIM(LEADING 'x' FROM 'xxyxx'), TRIM(TRAILING 'x' FROM 'xxyxx'), IFNULL(NULL, 'd'), COALESCE(NULL, NULL, 3), NULLIF(4, 4), ABS(-5), ROUND(2.567, 2), TYPEOF(1.5)
---- rows
x|yxx|xxy|d|3|NULL|5|2.57|real

query
SELECT EXTRACT(YEAR FROM released), EXTRACT(MONTH FROM released), EXTRACT(DAY FROM released) FROM album WHERE id = 13
---- rows
2001|8|27

# A character literal compared with a DATE column is cast the SQLite way: date('...').
query
SELECT name FROM album WHERE released = '2001-08-27'
---- sqlite
SELECT "album"."name" FROM "main"."album" AS "album" WHERE "album"."released" = DATE('2001-08-27')
---- rows
Vespertine

query
SELECT name FROM album WHERE released < DATE '2001-01-01' OR released > TIMESTAMP '2007-01-01 00:00:00'
---- rows
Kid A
In Rainbows

query
SELECT x.n FROM (SELECT name AS n, year AS y FROM album) AS x WHERE x.y = 2007
---- rows
In Rainbows

query
WITH recent AS (SELECT name, year FROM album WHERE year > 2000) SELECT COUNT(*) FROM recent
---- rows
3

query
VALUES (1, 'a'), (2, 'b')
---- rows
1|a
2|b

# A locking clause, as ORMs append for a pessimistic lock, reads the same rows (see SqlLockingQuery).
query
SELECT a.name FROM album a WHERE a.year = 2007 FOR UPDATE OF a NOWAIT
---- rows
In Rainbows
