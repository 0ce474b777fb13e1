# INSERT, UPDATE, DELETE, upserts and RETURNING.

INSERT INTO album VALUES (1, 'Abbey Road', 1969, DATE '1969-09-26')
=> INSERT INTO album VALUES ROW(1, 'Abbey Road', 1969, DATE '1969-09-26')

INSERT INTO album (id, name) VALUES (?, ?), (?, ?)
=> INSERT INTO album (id, name) VALUES ROW(?, ?), ROW(?, ?)

INSERT INTO archive (id, name) SELECT id, name FROM album WHERE year < 1970
=> INSERT INTO archive (id, name) SELECT id, name FROM album WHERE year < 1970

INSERT INTO t (a, b) VALUES (1, 2) ON CONFLICT (a) DO NOTHING
=> INSERT INTO t (a, b) VALUES ROW(1, 2) ON CONFLICT (a) DO NOTHING

INSERT INTO t (a, b) VALUES (1, 2) ON CONFLICT DO NOTHING
=> INSERT INTO t (a, b) VALUES ROW(1, 2) ON CONFLICT DO NOTHING

INSERT INTO t (a, b) VALUES (1, 2) ON CONFLICT (a) DO UPDATE SET b = excluded.b
=> INSERT INTO t (a, b) VALUES ROW(1, 2) ON CONFLICT (a) DO UPDATE SET b = excluded.b

INSERT INTO t (a, b, c) VALUES (?, ?, ?) ON CONFLICT (a, b) DO UPDATE SET c = t.c + excluded.c, b = 0 WHERE t.c < 100
=> INSERT INTO t (a, b, c) VALUES ROW(?, ?, ?) ON CONFLICT (a, b) DO UPDATE SET c = t.c + excluded.c, b = 0 WHERE t.c < 100

INSERT INTO t SELECT * FROM s WHERE true ON CONFLICT (a) DO UPDATE SET b = excluded.b

INSERT OR IGNORE INTO t (a) VALUES (1)
=> INSERT INTO t (a) VALUES ROW(1) ON CONFLICT DO NOTHING

INSERT OR REPLACE INTO t (a, b) VALUES (1, 2)
=> INSERT OR REPLACE INTO t (a, b) VALUES ROW(1, 2)

INSERT INTO t (a) VALUES (1) RETURNING *
=> INSERT INTO t (a) VALUES ROW(1) RETURNING *

INSERT INTO t (a) VALUES (1) RETURNING id, a AS first
=> INSERT INTO t (a) VALUES ROW(1) RETURNING id, a AS first

INSERT INTO t (a) VALUES (1) ON CONFLICT (a) DO UPDATE SET a = excluded.a RETURNING id
=> INSERT INTO t (a) VALUES ROW(1) ON CONFLICT (a) DO UPDATE SET a = excluded.a RETURNING id

INSERT OR IGNORE INTO t (a) VALUES (1) RETURNING a
=> INSERT INTO t (a) VALUES ROW(1) ON CONFLICT DO NOTHING RETURNING a

UPDATE album SET name = upper(name), year = year + 1 WHERE id = ?
=> UPDATE album SET name = UPPER(name), year = year + 1 WHERE id = ?

UPDATE album AS a SET year = 2000 WHERE a.id IN (SELECT album_id FROM track)

UPDATE album SET year = 2000 RETURNING id, year
=> UPDATE album SET year = 2000 RETURNING id, year

UPDATE album SET likes = likes + 1 WHERE id = 1 RETURNING *
=> UPDATE album SET likes = likes + 1 WHERE id = 1 RETURNING *

DELETE FROM album WHERE id = ?
=> DELETE FROM album WHERE id = ?

DELETE FROM album
=> DELETE FROM album

DELETE FROM album a WHERE a.year < 1900
=> DELETE FROM album AS a WHERE a.year < 1900

DELETE FROM album WHERE year < 1900 RETURNING id
=> DELETE FROM album WHERE year < 1900 RETURNING id

DELETE FROM album RETURNING *
=> DELETE FROM album RETURNING *

MERGE INTO t USING s ON t.a = s.a WHEN MATCHED THEN UPDATE SET b = s.b WHEN NOT MATCHED THEN INSERT (a, b) VALUES (s.a, s.b)

# After INSERT ... SELECT ... FROM s, RETURNING would read as an alias of s (as in SQLite's
# upsert); a WHERE clause ends the table list.
INSERT INTO t SELECT * FROM s WHERE true RETURNING id
=> INSERT INTO t SELECT * FROM s WHERE TRUE RETURNING id

REPLACE INTO t (a, b) VALUES (1, 2)
=> INSERT OR REPLACE INTO t (a, b) VALUES ROW(1, 2)

EXPLAIN REPLACE INTO t VALUES (1)

SELECT REPLACE(name, 'a', 'b') FROM t

# DEFAULT VALUES: every column takes its default; no column list may come before it.
insert into t default values
=> INSERT INTO t DEFAULT VALUES

INSERT INTO s.t DEFAULT VALUES RETURNING id
=> INSERT INTO s.t DEFAULT VALUES RETURNING id

INSERT INTO t DEFAULT VALUES ON CONFLICT DO NOTHING
=> INSERT INTO t DEFAULT VALUES ON CONFLICT DO NOTHING

REPLACE INTO t DEFAULT VALUES
=> INSERT OR REPLACE INTO t DEFAULT VALUES

INSERT INTO t (a) DEFAULT VALUES
!! syntax error at line 1, column 19: unexpected 'DEFAULT'
