-- lint: live app.document, app.items, app.tenant_note
create table app.node (id bigint primary key, parent_id bigint references app.node (id));
