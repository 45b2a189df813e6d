set lock_timeout = '2s';
set statement_timeout = '5min';
alter table products add column supplier_id bigint references suppliers (id);
