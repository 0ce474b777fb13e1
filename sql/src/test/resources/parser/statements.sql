# Transactions

BEGIN
=> BEGIN

BEGIN TRANSACTION
=> BEGIN

BEGIN WORK;
=> BEGIN

START TRANSACTION
=> BEGIN

COMMIT
=> COMMIT

COMMIT WORK
=> COMMIT

ROLLBACK
=> ROLLBACK

ROLLBACK TRANSACTION;
=> ROLLBACK

# EXPLAIN, Calcite's form and the short form

EXPLAIN PLAN FOR SELECT * FROM album
=> EXPLAIN PLAN INCLUDING ATTRIBUTES WITH IMPLEMENTATION FOR SELECT * FROM album

EXPLAIN PLAN WITHOUT IMPLEMENTATION FOR SELECT * FROM album

EXPLAIN PLAN AS JSON FOR SELECT 1

EXPLAIN SELECT name FROM album WHERE year > 2000
=> EXPLAIN PLAN INCLUDING ATTRIBUTES WITH IMPLEMENTATION FOR SELECT name FROM album WHERE year > 2000

EXPLAIN INSERT INTO t (a) VALUES (1) ON CONFLICT DO NOTHING

EXPLAIN DELETE FROM t WHERE a = 1

# Live queries and notifications

SUBSCRIBE SELECT * FROM album WHERE year > 2000
=> SUBSCRIBE SELECT * FROM album WHERE year > 2000

SUBSCRIBE SELECT name, year FROM album ORDER BY year DESC LIMIT 10
=> SUBSCRIBE SELECT name, year FROM album ORDER BY year DESC FETCH NEXT 10 ROWS ONLY

LISTEN orders
=> LISTEN orders

LISTEN "Orders"
=> LISTEN "Orders"

UNLISTEN orders
=> UNLISTEN orders

UNLISTEN *
=> UNLISTEN *

NOTIFY orders
=> NOTIFY orders

NOTIFY orders, 'order 42 shipped'
=> NOTIFY orders, 'order 42 shipped'

# pgvector's operators become calls of the distance functions.

SELECT id FROM docs ORDER BY embedding <-> '[1,2,3]' LIMIT 5
=> SELECT id FROM docs ORDER BY l2_distance(embedding, '[1,2,3]') FETCH NEXT 5 ROWS ONLY

SELECT id, embedding <=> ? AS d FROM docs WHERE embedding <=> ? < 0.5
=> SELECT id, cosine_distance(embedding, ?) AS d FROM docs WHERE cosine_distance(embedding, ?) < 0.5

SELECT embedding <#> ? FROM docs
=> SELECT - inner_product(embedding, ?) FROM docs

SELECT a <-> b + c FROM t
=> SELECT l2_distance(a, b + c) FROM t

SELECT cosine_distance(embedding, ?) FROM docs
=> SELECT cosine_distance(embedding, ?) FROM docs

# Trailing semicolons

SELECT 1;
=> SELECT 1

SELECT 1 ;

# PostgreSQL's :: cast

SELECT id FROM docs ORDER BY embedding <-> '[1,2,3]'::vector LIMIT 5
=> SELECT id FROM docs ORDER BY l2_distance(embedding, ('[1,2,3]' :: vector)) FETCH NEXT 5 ROWS ONLY

SELECT price::integer, '2024-01-01'::date FROM t
=> SELECT (price :: INTEGER), ('2024-01-01' :: DATE) FROM t

# SQLite's transaction spellings

BEGIN IMMEDIATE
=> BEGIN

START
=> BEGIN

END TRANSACTION
=> COMMIT

# A locking clause after a query

SELECT name FROM album WHERE id = 1 FOR UPDATE OF album NOWAIT
=> SELECT name FROM album WHERE id = 1 FOR UPDATE
