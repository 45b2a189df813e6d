create table t (at timestamp);
