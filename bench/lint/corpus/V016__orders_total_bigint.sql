set lock_timeout = '2s';
set statement_timeout = '5min';
alter table orders alter column total type bigint using (total * 100)::bigint;
