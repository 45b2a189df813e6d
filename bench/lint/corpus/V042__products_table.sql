create table if not exists products (
  id bigint generated always as identity primary key,
  sku text not null,
  name text not null,
  attributes jsonb not null default '{}',
  price_cents bigint not null,
  updated_at timestamp with time zone not null default now()
);
