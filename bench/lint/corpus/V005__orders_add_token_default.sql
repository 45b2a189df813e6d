set lock_timeout = '2s';
set statement_timeout = '5min';
alter table orders add column public_token uuid default gen_random_uuid();
