create table t (id bigint generated always as identity primary key);
insert into t default values;
