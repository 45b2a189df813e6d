alter table orders alter column total set default 0;
