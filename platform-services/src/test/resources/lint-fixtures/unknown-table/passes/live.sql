-- lint: live app.document, app.items, app.tenant_note
alter table app.document add column note text;
update document set note = '' where note is null;
truncate app.items, tenant_note;
