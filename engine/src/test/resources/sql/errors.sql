# Errors carry a precise SQLState and name the object.
statement ok
CREATE TABLE album (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL, year INTEGER, released DATE, artist_id BIGINT)

statement error 42601
SELEC 1

statement error 42P01 table 'nope' does not exist
SELECT * FROM nope

statement error 42703 column 'nope' does not exist
SELECT nope FROM album

statement error 42883
SELECT no_such_function(1) FROM album

statement error 42804
SELECT name + DATE '2020-01-01' FROM album

statement error 42P01 table 'nope' does not exist
INSERT INTO nope VALUES (1)

statement error 42703 column 'nope' of table 'album' does not exist
INSERT INTO album (id, nope) VALUES (1, 2)

statement error 42703 column 'nope' of table 'album' does not exist
UPDATE album SET nope = 1

statement error 42703
DELETE FROM album WHERE nope = 1

statement error 42601 has 2 expressions but 5 target columns
INSERT INTO album VALUES (1, 'x')

# SQLite's CAST to a number never fails: the longest numeric prefix, or 0. SQLite has no date
# type to cast to, so a literal that is no date is a data exception here.
query
SELECT CAST('12abc' AS INTEGER), CAST('abc' AS INTEGER)
---- rows
12|0

statement error 22007
SELECT CAST('abc' AS DATE)

# A comparison is no cast: as in SQLite, text that is no date compares as the text it is.
query
SELECT name FROM album WHERE released = 'not a date'
---- rows

query
SELECT CAST('42' AS INTEGER) + 1, CAST('2024-02-29' AS DATE)
---- rows
43|2024-02-29

statement error 0A000 primary key column 'id' of table 'album' cannot be updated
UPDATE album SET id = id + 1

statement error 42P01 table 'nope' does not exist
SUBSCRIBE SELECT * FROM nope

statement error 42703 column 'nope' does not exist
SUBSCRIBE SELECT nope FROM album
