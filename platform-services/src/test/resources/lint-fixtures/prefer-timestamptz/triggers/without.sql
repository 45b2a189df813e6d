alter table t add column at timestamp(3) without time zone;
