alter table t alter column n type int4;
