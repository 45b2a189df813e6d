alter table orders add column if not exists drop_date date;
