create table t (id smallserial);
