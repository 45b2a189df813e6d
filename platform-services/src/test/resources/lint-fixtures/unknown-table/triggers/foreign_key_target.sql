-- lint: live app.document, app.items, app.tenant_note
create table app.invoice (id bigint primary key, document_id bigint references app.documnt (id));
