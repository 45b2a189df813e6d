set lock_timeout = '2s';
set statement_timeout = '5min';
drop index concurrently if exists orders_customer_idx;
