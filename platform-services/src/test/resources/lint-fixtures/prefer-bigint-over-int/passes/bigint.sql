create table t (id bigint primary key, n bigint, interval_col interval);
