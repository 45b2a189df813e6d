drop index concurrently if exists orders_customer_idx;
