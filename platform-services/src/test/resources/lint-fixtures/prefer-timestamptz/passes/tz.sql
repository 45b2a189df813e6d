create table t (a timestamptz, b timestamp with time zone);
