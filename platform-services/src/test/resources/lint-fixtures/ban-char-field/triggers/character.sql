create table t (code character(2));
