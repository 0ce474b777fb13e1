# SQL in the shape jOOQ's SQLite dialect sends: every name quoted, LIMIT/OFFSET, RETURNING.

select "album"."id", "album"."title" from "album" where "album"."id" = ? limit ? offset ?
=> SELECT "album"."id", "album"."title" FROM "album" WHERE "album"."id" = ? OFFSET ? ROWS FETCH NEXT ? ROWS ONLY

select "album"."id" from "album" where ("album"."year" > ? and "album"."title" like ?) order by "album"."id" desc limit ?

select count(*) from "album"

select "a"."title", "r"."name" from "album" as "a" join "artist" as "r" on "a"."artist_id" = "r"."id" where "a"."year" between ? and ?

insert into "album" ("title", "year") values (?, ?) returning "album"."id"
=> INSERT INTO "album" ("title", "year") VALUES ROW(?, ?) RETURNING "album"."id"

insert into "album" ("id", "title") values (?, ?) on conflict do nothing
=> INSERT INTO "album" ("id", "title") VALUES ROW(?, ?) ON CONFLICT DO NOTHING

insert into "album" ("id", "title") values (?, ?) on conflict ("id") do update set "title" = excluded."title"
=> INSERT INTO "album" ("id", "title") VALUES ROW(?, ?) ON CONFLICT ("id") DO UPDATE SET "title" = excluded."title"

insert or ignore into "album" ("id", "title") values (?, ?)

update "album" set "title" = ? where "album"."id" = ?
=> UPDATE "album" SET "title" = ? WHERE "album"."id" = ?

update "album" set "title" = ? where "album"."id" = ? returning "album"."id", "album"."title"

delete from "album" where "album"."id" = ?
=> DELETE FROM "album" WHERE "album"."id" = ?

delete from "album" where "album"."id" in (?, ?) returning "album"."id"

select exists (select 1 as "one" from "album" where "album"."id" = ?)

with "t" as (select "album"."id" from "album") select "t"."id" from "t"

select "album"."id" from "album" where "album"."title" is not distinct from ?

select "album"."year", count(*) as "c" from "album" group by "album"."year" having count(*) > ? order by "c" desc

create table if not exists "album" ("id" integer not null, "title" varchar(50) not null, "year" int, "price" numeric(10, 2), "added" datetime, "cover" blob, "rating" real, "tags" text, constraint "pk_album" primary key ("id"))
=> CREATE TABLE IF NOT EXISTS "album" (id INTEGER NOT NULL, title VARCHAR(50) NOT NULL, year INTEGER, price DECIMAL(10, 2), added TIMESTAMP, cover BLOB, rating REAL, tags VARCHAR, CONSTRAINT pk_album PRIMARY KEY (id))

create index if not exists "idx_album_year" on "album" ("year")
=> CREATE INDEX IF NOT EXISTS "idx_album_year" ON "album" (year)

drop table if exists "album"
=> DROP TABLE IF EXISTS "album"

select exists (select 1 as one from "album" where "album"."id" = ?)

select "album"."id" from "album" where exists (select 1 as one from "artist" where "artist"."id" = "album"."id")
