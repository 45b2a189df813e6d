alter table orders alter column customer_id drop default;
