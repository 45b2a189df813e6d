drop schema if exists scratch;
