alter table orders alter total set data type bigint using total::bigint;
