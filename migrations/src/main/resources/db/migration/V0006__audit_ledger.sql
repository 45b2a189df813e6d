-- The hash-chained audit log. Each event stores the hash of its predecessor; the single row of
-- chain_head is locked by every append, which orders appends and makes seq gap-free.
-- The runtime role may append and read, never change or delete.

create table ledger.audit_event (
  seq           bigint primary key,
  event_id      uuid not null unique,
  occurred_at   timestamptz not null,
  actor         text not null,
  action        text not null,
  target_type   text not null,
  target_id     text,
  outcome       text not null check (outcome in ('succeeded', 'refused', 'failed')),
  request_id    text,
  details       jsonb not null default '{}'::jsonb,
  prev_hash     bytea not null,
  hash          bytea not null
);
create index audit_event_actor on ledger.audit_event (actor, seq);
create index audit_event_action on ledger.audit_event (action, seq);
create index audit_event_occurred_at on ledger.audit_event (occurred_at);

create table ledger.chain_head (
  chain_id  integer primary key check (chain_id = 1),
  seq       bigint not null,
  hash      bytea not null
);
insert into ledger.chain_head (chain_id, seq, hash) values (1, 0, decode(repeat('00', 32), 'hex'));

create table ledger.checkpoint (
  checkpoint_id  bigint generated always as identity primary key,
  seq            bigint not null,
  head_hash      bytea not null,
  created_at     timestamptz not null,
  key_id         text not null,
  signature      bytea not null
);

create table ledger.verification_run (
  run_id          bigint generated always as identity primary key,
  started_at      timestamptz not null,
  finished_at     timestamptz not null,
  actor           text not null,
  events_checked  bigint not null,
  intact          boolean not null,
  problem         text,
  problem_seq     bigint
);

grant select, insert on ledger.audit_event to ${app_role};
grant select, update on ledger.chain_head to ${app_role};
grant select, insert on ledger.checkpoint to ${app_role};
grant select, insert on ledger.verification_run to ${app_role};
