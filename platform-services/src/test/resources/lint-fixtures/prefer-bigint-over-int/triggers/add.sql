alter table t add column n integer;
