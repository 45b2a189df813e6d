create table orders (
  id serial primary key,
  customer_id integer not null references customers (id),
  total numeric(12, 2) not null,
  currency char(3) not null default 'EUR',
  placed_at timestamp not null,
  payload json
);
create index orders_customer_idx on orders (customer_id);
