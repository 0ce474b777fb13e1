# Sequences are replicated schema; their values are cluster-unique ids reserved by the node.
statement ok
CREATE SEQUENCE order_seq START WITH 1 INCREMENT BY 50

statement error 42P07 sequence 'order_seq' already exists
CREATE SEQUENCE order_seq

statement ok
create sequence if not exists order_seq start with 1 increment by 50

statement ok
SELECT NEXT VALUE FOR order_seq

statement ok
values next value for order_seq

statement error 22023 INCREMENT BY of sequence 'wide' must be between 1 and 4096
CREATE SEQUENCE wide INCREMENT BY 5000

statement error 42P01 sequence 'nope' does not exist
SELECT NEXT VALUE FOR nope

statement error 0A000 NEXT VALUE FOR is supported as SELECT NEXT VALUE FOR name or as a value of INSERT … VALUES only
SELECT NEXT VALUE FOR order_seq + 1

# "value" stays a plain column name beside NEXT VALUE FOR.
statement ok
CREATE TABLE reading (id BIGINT PRIMARY KEY, value DOUBLE)

statement count 1
INSERT INTO reading (id, value) VALUES (1, 2.5)

query
SELECT value, MAX(value) FROM reading GROUP BY value
---- rows
2.5|2.5

# In INSERT … VALUES each row reserves its own value.
statement count 2
INSERT INTO reading (id, value) VALUES (NEXT VALUE FOR order_seq, 1), (next value for order_seq, 2)

query
SELECT COUNT(DISTINCT id), MIN(id) > 1 FROM reading WHERE value IN (1, 2)
---- rows
2|1

query
INSERT INTO reading (id, value) VALUES (NEXT VALUE FOR order_seq, 3) RETURNING value
---- rows
3.0

query
SELECT COUNT(DISTINCT id) FROM reading WHERE value IN (1, 2, 3)
---- rows
3

statement error 42P01 sequence 'nope' does not exist
INSERT INTO reading (id, value) VALUES (NEXT VALUE FOR nope, 4)

statement error 0A000
INSERT INTO reading (id, value) VALUES (NEXT VALUE FOR order_seq + 1, 5)

statement ok
DROP SEQUENCE order_seq

statement error 42P01 sequence 'order_seq' does not exist
SELECT NEXT VALUE FOR order_seq

statement error 42P01 sequence 'order_seq' does not exist
DROP SEQUENCE order_seq

statement ok
DROP SEQUENCE IF EXISTS order_seq
