# Writes become operations; their effects are read back through queries.
statement ok
CREATE TABLE album (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL, year INTEGER, released DATE, artist_id BIGINT)

statement ok
CREATE TABLE artist (id BIGINT PRIMARY KEY, name VARCHAR NOT NULL, country CHAR(2))

statement count 2
INSERT INTO album (id, name) VALUES (1, 'One'), (2, 'Two')

query
SELECT id, name, year, released FROM album ORDER BY id
---- rows
1|One|NULL|NULL
2|Two|NULL|NULL

# Expressions in VALUES are evaluated by SQLite; literals are converted in Java.
statement count 1
INSERT INTO album (id, name, year, released) VALUES (3, UPPER('three') || '!', 2000 + 3, DATE '2003-01-02')

query
SELECT name, year, released FROM album WHERE id = 3
---- rows
THREE!|2003|2003-01-02

statement count 2
INSERT INTO album (id, name, year) SELECT id + 10, name || ' (copy)', 1999 FROM album WHERE id < 3

query
SELECT id, name, year FROM album WHERE id > 10 ORDER BY id
---- rows
11|One (copy)|1999
12|Two (copy)|1999

statement count 2
UPDATE album SET year = year + 1, name = 'Old' WHERE year = 1999

query
SELECT id, name, year FROM album WHERE id > 10 ORDER BY id
---- rows
11|Old|2000
12|Old|2000

statement count 0
UPDATE album SET name = 'none' WHERE id = 99

statement count 1
UPDATE album a SET released = '2020-02-02' WHERE a.id = 1

query
SELECT released FROM album WHERE id = 1
---- rows
2020-02-02

statement count 2
DELETE FROM album WHERE name = 'Old'

statement count 1
DELETE FROM album WHERE id IN (SELECT MAX(id) FROM album)

query
SELECT id FROM album ORDER BY id
---- rows
1
2

statement error 23505
INSERT INTO album (id, name) VALUES (1, 'again')

statement error 23502
INSERT INTO album (id, name) VALUES (5, NULL)

statement error 22P02
INSERT INTO album (id, name, year) VALUES (6, 'x', 'abc')

statement count 2
DELETE FROM album

query
SELECT COUNT(*) FROM album
---- rows
0
