-- lint: live app.document, app.items, app.tenant_note
drop table if exists app.nothing_here;
alter table if exists app.nothing_here add column x text;
