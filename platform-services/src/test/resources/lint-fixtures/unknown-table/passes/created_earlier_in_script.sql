-- lint: live app.document, app.items, app.tenant_note
create table app.invoice (id bigint primary key, document_id bigint);
create index concurrently invoice_document on app.invoice (document_id);
alter table app.invoice add constraint invoice_document_fk foreign key (document_id) references app.document (id) not valid;
insert into invoice (id) values (1);
alter table app.invoice rename to bill;
delete from app.bill where id = 1;
