# Statements that must fail with SQLState 42601; "!!" gives a fragment of the message.

SELEC id FROM t
!! syntax error at line 1, column 1: expected a statement (SELECT, INSERT, UPDATE, DELETE, CREATE, …), found 'SELEC'

  update t set a = 1;
  frobnicate the table
!! syntax error at line 2, column 3: expected a statement (SELECT, INSERT, UPDATE, DELETE, CREATE, …), found 'frobnicate'

SELECT id, name FROM t WHERE id = 1 ORDR BY name
!! syntax error at line 1, column 37: unexpected 'ORDR'

SELECT a, b
FROM t WHER a = 1
!! syntax error at line 2, column 13: unexpected 'a'

SELECT FROM t
!! syntax error at line 1, column 8: unexpected 'FROM'

SELECT * FROM
!! unexpected end of input

SELECT * FROM t WHERE a = = 1
!! syntax error at line 1, column 25: unexpected '='

SELECT 'abc
!! syntax error at line 1, column 8

CREATE TABLE t (a INT,)
!! unexpected ')'

CREATE TABLE t ()
!! unexpected ')'

CREATE TABLE t
!! unexpected end of input

CREATE TABLE t (a VARCHAR(x))
!! unexpected 'x'

DROP TABLE
!! unexpected end of input

DROP TABLE IF t
!! unexpected 't'

ALTER TABLE t DROP
!! unexpected end of input

CREATE INDEX i ON t
!! unexpected end of input

INSERT INTO t VALUES (1
!! unexpected end of input

INSERT OR IGNORE INTO t VALUES (1) ON CONFLICT DO NOTHING
!! unexpected 'ON'

INSERT INTO t VALUES (1) ON CONFLICT DO
!! unexpected end of input

INSERT INTO t VALUES (1) ON CONFLICT (a) DO UPDATE b = 1
!! unexpected 'b'

UPDATE t SET
!! unexpected end of input

DELETE t WHERE a = 1
!! unexpected 't'

DELETE FROM t RETURNING
!! unexpected end of input

NOTIFY
!! syntax error at line 1, column 1: expected a statement (SELECT, INSERT, UPDATE, DELETE, CREATE, …), found 'NOTIFY'

NOTIFY ch, 42
!! unexpected '42'

UNLISTEN
!! found 'UNLISTEN'

SUBSCRIBE
!! found 'SUBSCRIBE'

EXPLAIN
!! unexpected end of input

BEGIN SOMETHING
!! unexpected 'SOMETHING'

SELECT 1; SELECT 2
!! expected one statement, found 2


;
!! syntax error at line 1, column 1: unexpected ';'

SELECT
!! unexpected end of input
