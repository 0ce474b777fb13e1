# VECTOR(n) columns and the exact vector functions, pushed down to SQLite.
statement ok
CREATE TABLE doc (id BIGINT PRIMARY KEY, title VARCHAR(50), lang VARCHAR(5), embedding VECTOR(3))

statement count 4
INSERT INTO doc VALUES
  (1, 'east', 'en', '[1, 0, 0]'),
  (2, 'north', 'en', '[0, 1, 0]'),
  (3, 'north-east', 'fr', '[1, 1, 0]'),
  (4, 'none', 'en', NULL)

# Vectors read back as float[] (shown as their elements).
query
SELECT id, embedding FROM doc WHERE id <= 2 ORDER BY id
---- rows
1|[1.0, 0.0, 0.0]
2|[0.0, 1.0, 0.0]

query
SELECT id, cosine_distance(embedding, '[1,0,0]'), l2_distance(embedding, '[0,0,0]'), inner_product(embedding, '[2,3,4]'), vector_dims(embedding) FROM doc ORDER BY id
---- sqlite
SELECT "doc"."id", COSINE_DISTANCE("doc"."embedding", '[1,0,0]'), L2_DISTANCE("doc"."embedding", '[0,0,0]'), INNER_PRODUCT("doc"."embedding", '[2,3,4]'), VECTOR_DIMS("doc"."embedding") FROM "main"."doc" AS "doc" ORDER BY "id"
---- rows
1|0.0|1.0|2.0|3
2|1.0|1.0|3.0|3
3|0.2928932309150696|1.4142135381698608|5.0|3
4|NULL|NULL|NULL|NULL

# Each argument is decoded once per distinct value: repeated and changing arguments on both sides.
query
SELECT a.id, b.id, l2_distance(a.embedding, b.embedding), cosine_distance(b.embedding, '[0, 1, 0]') FROM doc AS a, doc AS b WHERE a.id <= 3 AND b.id <= 3 ORDER BY a.id, b.id
---- rows
1|1|0.0|1.0
1|2|1.4142135381698608|0.0
1|3|1.0|0.2928932309150696
2|1|1.4142135381698608|1.0
2|2|0.0|0.0
2|3|1.0|0.2928932309150696
3|1|1.0|1.0
3|2|1.0|0.0
3|3|0.0|0.2928932309150696

# vector_similarity is cosine similarity clamped to [0, 1].
query
SELECT id, vector_similarity(embedding, '[-1, 0, 0]'), vector_similarity(embedding, '[1, 1, 0]') > 0.99 FROM doc WHERE id <= 3 ORDER BY id
---- rows
1|0.0|0
2|0.0|0
3|0.0|1

# pgvector's operators: <-> is l2_distance, <=> cosine_distance, <#> the negative inner product.
query
SELECT id FROM doc WHERE embedding IS NOT NULL ORDER BY embedding <-> '[0.9, 0.1, 0]' LIMIT 2
---- rows
1
3

query
SELECT id, embedding <#> '[1, 2, 0]' FROM doc WHERE embedding <=> '[0, 1, 0]' < 0.5 ORDER BY id
---- rows
2|-2.0
3|-3.0

# Distances work in WHERE and in writes' filters too.
statement count 1
UPDATE doc SET title = 'closest' WHERE cosine_distance(embedding, '[0, 1, 0.1]') < 0.01

query
SELECT title FROM doc WHERE id = 2
---- rows
closest

# Bad vectors are refused with a data exception naming the column and the dimensions.
statement error 22000 column 'embedding' of table 'doc' is VECTOR(3), got 2 dimensions
INSERT INTO doc VALUES (5, 'short', 'en', '[1, 2]')

statement error 22P02
INSERT INTO doc VALUES (5, 'bad', 'en', '[1, x, 2]')

statement error 22P02 is not a vector
SELECT id FROM doc ORDER BY cosine_distance(embedding, '[1, 2') LIMIT 1

statement error 22000 different dimensions: 3 and 2
SELECT id FROM doc ORDER BY cosine_distance(embedding, '[1, 2]') LIMIT 1
