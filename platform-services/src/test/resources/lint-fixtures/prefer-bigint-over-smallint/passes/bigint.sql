create table t (n bigint);
