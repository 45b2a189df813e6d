-- A change queue that never jams (D008, "Revise, abandon, version at apply"): a change keeps its
-- place (sequence = position in its target's queue) through revisions, may be abandoned, takes its
-- version number only when it applies, records the live schema's fingerprint with each check, and
-- a failed apply holds its target until a drift check has run.

alter table ops.change_request drop constraint change_request_state_check;
alter table ops.change_request add constraint change_request_state_check
  check (state in ('submitted', 'checking', 'needs_approval', 'approved', 'applying', 'applied', 'rejected', 'failed', 'abandoned'));
alter table ops.change_request add column revision integer not null default 1;
alter table ops.change_request add column applied_version integer;
update ops.change_request r set applied_version = a.sequence from ops.change_applied a where a.change_id = r.change_id;

-- one live change per place in a target's queue: rejected and abandoned ones step out of the line
drop index ops.change_request_target_sequence;
create unique index change_request_target_sequence on ops.change_request (target_id, sequence)
  where state not in ('rejected', 'abandoned');

-- the fingerprint of the live schema the check ran against: apply refuses when the schema moved since
alter table ops.change_check add column schema_fingerprint text;

-- the content a revision replaced, so every revision of a change stays readable
create table ops.change_revision (
  change_id     text not null references ops.change_request (change_id),
  revision      integer not null,
  content_hash  text not null,
  forward_sql   text not null,
  rollback_sql  text,
  state         text not null,
  replaced_at   timestamptz not null,
  replaced_by   text not null,
  primary key (change_id, revision)
);

-- a target whose apply failed: nothing else applies there until a drift check has run after the failure
create table ops.change_target_hold (
  hold_id      bigint generated always as identity primary key,
  target_id    text not null,
  change_id    text not null references ops.change_request (change_id),
  held_at      timestamptz not null,
  reason       text not null,
  released_at  timestamptz,
  released_by  text
);
create unique index change_target_hold_open on ops.change_target_hold (target_id) where released_at is null;

grant select, insert on ops.change_revision to ${app_role};
grant select, insert, update on ops.change_target_hold to ${app_role};
