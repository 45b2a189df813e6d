set lock_timeout = '2s';
set statement_timeout = '5min';
drop table if exists legacy_orders;
drop table legacy_customers cascade;
