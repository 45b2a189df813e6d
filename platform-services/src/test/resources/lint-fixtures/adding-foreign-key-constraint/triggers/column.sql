alter table orders add column customer_id bigint references customers (id);
