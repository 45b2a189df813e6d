create table t (doc jsonb, json_name text);
