create table events (id bigint primary key);
