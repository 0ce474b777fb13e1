# Literals and values in the stored forms: dates and times as ISO text, booleans as 0/1,
# zoned timestamps in UTC.
statement ok
CREATE TABLE v (id INT PRIMARY KEY, b BOOLEAN, d DECIMAL(10,2), t TIME, ts TIMESTAMP, z TIMESTAMP WITH TIME ZONE, bin VARBINARY(4))

statement count 1
INSERT INTO v VALUES (1, TRUE, 12.50, TIME '10:11:12', TIMESTAMP '2024-03-01 10:11:12.5', '2024-03-01 10:11:12+01:00', X'CAFE')

statement count 1
INSERT INTO v VALUES (2, FALSE, -0.25, '23:00:00', '2024-03-02 00:00:00', TIMESTAMP WITH LOCAL TIME ZONE '2024-03-02 00:00:00', NULL)

query
SELECT id, b, d, t, ts, z, bin FROM v ORDER BY id
---- rows
1|true|12.5|10:11:12|2024-03-01T10:11:12.500|2024-03-01T09:11:12Z|x'cafe'
2|false|-0.25|23:00|2024-03-02T00:00|2024-03-02T00:00Z|NULL

query
SELECT id FROM v WHERE b = TRUE AND t < TIME '12:00:00' AND ts < TIMESTAMP '2024-03-01 10:11:13'
---- sqlite
SELECT "v"."id" FROM "main"."v" AS "v" WHERE "v"."b" = TRUE AND "v"."t" < '12:00:00' AND "v"."ts" < '2024-03-01 10:11:13'
---- rows
1

query
SELECT id FROM v WHERE z >= TIMESTAMP WITH LOCAL TIME ZONE '2024-03-02 00:00:00'
---- sqlite
SELECT "v"."id" FROM "main"."v" AS "v" WHERE "v"."z" >= '2024-03-02 00:00:00Z'
---- rows
2
