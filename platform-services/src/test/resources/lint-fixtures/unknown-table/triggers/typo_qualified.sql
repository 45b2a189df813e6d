-- lint: live app.document, app.items, app.tenant_note
alter table app.documnet add column note text;
