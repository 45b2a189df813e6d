begin;
alter table invoices add column paid_at timestamptz;
create index concurrently invoices_paid_at_idx on invoices (paid_at);
commit;
