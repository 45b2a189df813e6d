create table t (n smallint);
