set lock_timeout = '2s';
set statement_timeout = '5min';
alter table purchase_order drop column if exists currency;
