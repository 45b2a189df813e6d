-- lint: live app.document, app.items, app.tenant_note
-- lint: queued drop table app.tenant_note
grant select on app.tenant_note to reporting;
