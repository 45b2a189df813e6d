alter table events add constraint events_pkey primary key using index events_id_idx;
