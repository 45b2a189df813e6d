create table t (name varchar);
