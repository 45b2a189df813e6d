begin;
alter table invoices add column reference text;
