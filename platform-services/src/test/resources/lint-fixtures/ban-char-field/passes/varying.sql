create table t (code character varying, "char" text, c "char");
