-- The application's seed: ids 1..n, which later rows refer to, as such scripts are written.
INSERT INTO owner (name, city) VALUES ('George Franklin', 'Madison');
INSERT INTO owner (name, city) VALUES ('Betty Davis', 'Sun Prairie');
INSERT INTO owner (name, city) VALUES ('Eduardo Rodriquez', 'McFarland');
INSERT INTO owner (name, city) VALUES ('Harold Davis', 'Windsor');
INSERT INTO pet (name, birth_date, owner_id) VALUES ('Leo', '2010-09-07', 1);
INSERT INTO pet (name, birth_date, owner_id) VALUES ('Basil', '2012-08-06', 2);
INSERT INTO pet (name, birth_date, owner_id) VALUES ('Rosy', '2011-04-17', 3);
INSERT INTO pet (name, birth_date, owner_id) VALUES ('Jewel', '2010-03-07', 3);
