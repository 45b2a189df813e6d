-- lint: live app.document, app.items, app.tenant_note
-- lint: queued create table app.invoice (id bigint primary key); alter table app.invoice rename to bill
alter table app.bill add column total numeric;
comment on table bill is 'created by the change queued before this one';
