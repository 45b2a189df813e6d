-- lint: live app.document, app.items, app.tenant_note
drop table app.items;
update app.items set id = id + 1;
