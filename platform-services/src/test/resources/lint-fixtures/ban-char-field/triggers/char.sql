create table t (code char(3));
