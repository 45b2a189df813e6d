alter table orders add column total_cents bigint generated always as (total * 100);
