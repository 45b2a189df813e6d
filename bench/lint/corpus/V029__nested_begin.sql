begin;
begin;
alter table invoices add column note text;
commit;
