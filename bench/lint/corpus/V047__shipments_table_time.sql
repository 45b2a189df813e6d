create table shipments (
  id bigint generated always as identity primary key,
  order_id bigint not null,
  shipped_at timestamp without time zone,
  tracking json
);
alter table shipments add constraint shipments_order_fk foreign key (order_id) references purchase_order (id);
create index shipments_order_idx on shipments (order_id);
