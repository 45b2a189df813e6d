set lock_timeout = '2s';
set statement_timeout = '5min';
alter table products
  add column weight_grams integer,
  add column barcode varchar(32),
  alter column name type varchar(200),
  drop column legacy_code;
