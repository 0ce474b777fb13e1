-- SQLite's JSON functions, operators and table-valued functions.
CREATE TABLE doc (id INTEGER PRIMARY KEY, body TEXT);
INSERT INTO doc VALUES (1, '{"name":"ann","tags":["a","b"],"n":1,"sub":{"x":true}}'), (2, '{"name":"bo","tags":[],"n":2.5}'), (3, 'not json');
SELECT json_extract(body, '$.name'), json_extract(body, '$.n'), json_extract(body, '$.tags[0]') FROM doc WHERE id < 3 ORDER BY id;
SELECT body -> '$.name', body ->> '$.name', body ->> 'n', body -> '$.tags' FROM doc WHERE id < 3 ORDER BY id;
SELECT json_valid(body) FROM doc ORDER BY id;
SELECT json_type(body, '$.tags'), json_array_length(body, '$.tags') FROM doc WHERE id < 3 ORDER BY id;
SELECT json_object('a', 1, 'b', 'two'), json_array(1, 'x', NULL), json_quote('q"'), json('[1, 2]');
SELECT json_set(body, '$.n', 9), json_insert(body, '$.new', 'v'), json_replace(body, '$.name', 'z'), json_remove(body, '$.tags') FROM doc WHERE id = 1;
SELECT json_patch('{"a":1,"b":2}', '{"b":null,"c":3}');
SELECT json_group_array(id), json_group_object(id, json_extract(body, '$.name')) FROM doc WHERE id < 3;
SELECT doc.id, j.value FROM doc, json_each(doc.body, '$.tags') AS j WHERE doc.id < 3 ORDER BY doc.id, j.key;
SELECT key, value, type FROM json_each('{"a":1,"b":[2]}') ORDER BY key;
SELECT fullkey, type, atom FROM json_tree('{"a":{"b":1}}') ORDER BY id;
SELECT id FROM doc WHERE json_extract(body, '$.sub.x') = 1;
SELECT json_extract(body, '$.name') AS nm, count(*) FROM doc WHERE json_valid(body) GROUP BY nm ORDER BY nm;
SELECT typeof(jsonb('{"a":1}')), json(jsonb('{"a":1}'));
SELECT json_pretty('{"a":1}');
