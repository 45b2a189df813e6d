set lock_timeout = '2s';
set statement_timeout = '5min';
-- alter table invoices drop column amount;
/* create index invoices_x on invoices (x); /* nested */ truncate invoices cascade; */
insert into migration_notes (note) values ('drop table invoices; alter table x rename to y');
insert into migration_notes (note) values (E'it\'s fine; grant all on x to public');
alter table invoices add column if not exists drop_reason text;
