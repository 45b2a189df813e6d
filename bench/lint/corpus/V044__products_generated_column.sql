set lock_timeout = '2s';
set statement_timeout = '5min';
alter table products add column price_eur numeric generated always as (price_cents / 100.0) stored;
