truncate table orders cascade;
