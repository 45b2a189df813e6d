set lock_timeout = '2s';
set statement_timeout = '5min';
alter table orders add column if not exists created_at timestamptz not null default now();
