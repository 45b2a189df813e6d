create table t (doc json);
