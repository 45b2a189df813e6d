set lock_timeout = '2s';
set statement_timeout = '5min';
create index concurrently if not exists orders_placed_at_idx on orders (placed_at);
