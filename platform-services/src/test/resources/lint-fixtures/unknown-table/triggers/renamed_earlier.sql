-- lint: live app.document, app.items, app.tenant_note
alter table app.items rename to item;
comment on column app.items.id is 'the key';
