set lock_timeout = '2s';
set statement_timeout = '5min';
alter table invoices disable row level security;
drop policy if exists invoices_tenant on invoices;
