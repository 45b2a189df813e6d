-- lint: live app.document, app.items, app.tenant_note
-- alter table app.documnet add column x text
comment on table app.document is 'alter table app.documnet';
