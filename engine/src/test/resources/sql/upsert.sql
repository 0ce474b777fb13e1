# Upserts and RETURNING.
statement ok
CREATE TABLE counter (k VARCHAR(10) PRIMARY KEY, n INTEGER NOT NULL, note VARCHAR(20))

statement count 1
INSERT INTO counter VALUES ('a', 1, 'first')

statement count 0
INSERT INTO counter VALUES ('a', 5, 'ignored') ON CONFLICT DO NOTHING

statement count 0
INSERT OR IGNORE INTO counter VALUES ('a', 6, 'ignored')

query
SELECT k, n, note FROM counter
---- rows
a|1|first

statement count 2
INSERT INTO counter VALUES ('a', 10, 'second'), ('b', 1, 'new') ON CONFLICT (k) DO UPDATE SET n = counter.n + excluded.n, note = excluded.note

query
SELECT k, n, note FROM counter ORDER BY k
---- rows
a|11|second
b|1|new

# DO UPDATE ... WHERE leaves rows that fail the condition alone.
statement count 0
INSERT INTO counter VALUES ('a', 1, 'x') ON CONFLICT (k) DO UPDATE SET n = 0 WHERE counter.n < 5

statement count 1
INSERT OR REPLACE INTO counter VALUES ('b', 7, NULL)

query
SELECT k, n, note FROM counter ORDER BY k
---- rows
a|11|second
b|7|NULL

query
INSERT INTO counter VALUES ('c', 3, 'r') RETURNING k, n
---- rows
c|3

query
UPDATE counter SET n = n * 2 WHERE k <> 'a' RETURNING *
---- rows
b|14|NULL
c|6|r

query
DELETE FROM counter WHERE k = 'c' RETURNING note
---- rows
r
