alter table t add column name character varying(20);
