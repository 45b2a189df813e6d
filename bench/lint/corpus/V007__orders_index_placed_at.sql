create index orders_placed_at_idx on orders (placed_at);
