# Foreign keys added to existing tables, in the form Hibernate's schema tools send.
statement ok
create table Person (id bigint not null, name varchar(255), primary key (id))

statement ok
create table Book (id bigint not null, title varchar(255), author_id bigint, primary key (id))

statement ok
alter table Book add column subtitle varchar(255)

statement count 1
insert into Person (id, name) values (1, 'ann')

statement count 1
insert into Book (id, title, author_id, subtitle) values (10, 'ok', 1, 'sub')

statement ok
alter table if exists Book add constraint FKauthor foreign key (author_id) references Person

statement error 23503
insert into Book (id, title, author_id) values (11, 'orphan', 99)

# constraint names match in any case, as the names of tables and columns do
statement error 42710 of table 'Book' already exists
alter table Book add constraint fkAUTHOR foreign key (author_id) references Person

# The rewritten table keeps its rows, its added column and its other constraints.
query
select id, title, author_id, subtitle from Book
---- rows
10|ok|1|sub

statement error 23505
insert into Book (id, title) values (10, 'again')

statement error 23503
delete from Person where id = 1

statement ok
alter table if exists Book drop constraint fkauthor

statement count 1
insert into Book (id, title, author_id) values (11, 'orphan', 99)

statement error 42704 constraint 'FKauthor' of table 'Book' does not exist
alter table Book drop constraint FKauthor

statement ok
alter table Book drop constraint if exists FKauthor

statement ok
alter table if exists Nothing add constraint FKx foreign key (a) references Person

# Existing rows are checked when the key is added.
statement error 23503 references a missing row of table 'Person'
alter table Book add constraint FKauthor foreign key (author_id) references Person
