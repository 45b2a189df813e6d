create table t (name varchar(100));
