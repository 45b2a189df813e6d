alter table orders alter column customer_id set not null;
