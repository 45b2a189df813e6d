-- lint: live app.document, app.items, app.tenant_note
create index concurrently document_id on ap.document (id);
