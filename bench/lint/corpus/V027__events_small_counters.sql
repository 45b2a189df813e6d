create table event_counter (
  event_type smallint not null,
  bucket smallserial,
  hits int4 not null default 0,
  label character varying(64)
);
