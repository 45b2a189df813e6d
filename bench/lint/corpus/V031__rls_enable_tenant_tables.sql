set lock_timeout = '2s';
set statement_timeout = '5min';
alter table invoices enable row level security;
alter table invoices force row level security;
create policy invoices_tenant on invoices using (tenant_id = current_setting('app.tenant_id')::uuid);
