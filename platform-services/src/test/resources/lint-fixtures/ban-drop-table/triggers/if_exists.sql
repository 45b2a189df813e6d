drop table if exists archive.orders cascade;
