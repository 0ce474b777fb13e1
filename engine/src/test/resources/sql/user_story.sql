# The issue's user story: albums by artist, joined, filtered, grouped and ranked.
statement ok
CREATE TABLE album (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL, year INTEGER, released DATE, artist_id BIGINT)

statement ok
CREATE TABLE artist (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL, country CHAR(2))

statement count 3
INSERT INTO artist VALUES (1, 'Radiohead', 'GB'), (2, 'Björk', 'IS'), (3, 'Nobody', NULL)

statement count 6
INSERT INTO album (id, name, year, released, artist_id) VALUES
  (10, 'Kid A', 2000, DATE '2000-10-02', 1),
  (11, 'Amnesiac', 2001, '2001-06-05', 1),
  (12, 'In Rainbows', 2007, '2007-10-10', 1),
  (13, 'Vespertine', 2001, '2001-08-27', 2),
  (14, 'Volta', 2007, NULL, 2),
  (15, 'Hail to the Thief', 2003, '2003-06-09', 1)

query
SELECT r.name, COUNT(*) FROM album a JOIN artist r ON a.artist_id = r.id WHERE a.year > 2000 GROUP BY r.name ORDER BY 2 DESC LIMIT 10
---- sqlite
SELECT "r"."name", COUNT(*) FROM "main"."album" AS "a" INNER JOIN "main"."artist" AS "r" ON "a"."artist_id" = "r"."id" WHERE "a"."year" > 2000 GROUP BY "r"."name" ORDER BY 2 DESC LIMIT 10
---- rows
Radiohead|3
Björk|2

query
SELECT name, released FROM album WHERE released >= DATE '2001-06-05' ORDER BY released
---- rows
Amnesiac|2001-06-05
Vespertine|2001-08-27
Hail to the Thief|2003-06-09
In Rainbows|2007-10-10
