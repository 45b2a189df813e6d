alter table t add column id bigserial;
