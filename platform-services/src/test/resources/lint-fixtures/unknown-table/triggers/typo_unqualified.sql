-- lint: live app.document, app.items, app.tenant_note
insert into documents (id) values (1);
