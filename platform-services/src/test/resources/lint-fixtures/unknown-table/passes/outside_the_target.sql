-- lint: live app.document, app.items, app.tenant_note
insert into public.legacy_import (id) values (1);
select * from pg_catalog.pg_class;
