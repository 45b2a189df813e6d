-- The migration review board (capability `changes`): change requests with their state machine,
-- approvals bound to a content hash, check reports, the record of each apply (with the schema
-- snapshot it produced, for drift), suggestions and operator alerts. See D008.

create table ops.change_request (
  change_id        text primary key,
  target_id        text not null,
  sequence         integer not null,
  description      text not null,
  author           text not null,
  forward_sql      text not null,
  rollback_sql     text,
  rollback_derived boolean not null default false,
  content_hash     text not null,
  forward_checksum text not null,
  state            text not null check (state in ('submitted', 'checking', 'needs_approval', 'approved',
                                                  'applying', 'applied', 'rejected', 'failed')),
  risk             text check (risk in ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
  required_role    text,
  flagged          boolean not null default false,
  state_reason     text,
  created_at       timestamptz not null,
  updated_at       timestamptz not null,
  version          integer not null default 0
);
-- one live change per (target, sequence): rejected ones free their slot
create unique index change_request_target_sequence on ops.change_request (target_id, sequence)
  where state <> 'rejected';

create table ops.change_approval (
  change_id     text not null references ops.change_request (change_id),
  content_hash  text not null,
  approver      text not null,
  approver_role text not null,
  approved_at   timestamptz not null,
  primary key (change_id, content_hash, approver)
);

create table ops.change_check (
  check_id      bigint generated always as identity primary key,
  change_id     text not null references ops.change_request (change_id),
  content_hash  text not null,
  checked_at    timestamptz not null,
  passed        boolean not null,
  report        jsonb not null
);
create index change_check_change on ops.change_check (change_id, check_id desc);

create table ops.change_applied (
  target_id        text not null,
  sequence         integer not null,
  change_id        text not null references ops.change_request (change_id),
  forward_checksum text not null,
  applied_at       timestamptz not null,
  applied_by       text not null,
  attempts         integer not null,
  schema_snapshot  jsonb not null,
  advisor_report   jsonb not null,
  primary key (target_id, sequence)
);
create index change_applied_change on ops.change_applied (change_id);

create table ops.change_suggestion (
  suggestion_id  uuid primary key,
  change_id      text not null references ops.change_request (change_id),
  provider       text not null,
  candidate_id   text,
  suggested_sql  text not null,
  rationale      text not null,
  created_at     timestamptz not null,
  created_by     text not null
);
create index change_suggestion_change on ops.change_suggestion (change_id);

create table ops.alert (
  alert_id     uuid primary key,
  source       text not null,
  subject_id   text not null,
  severity     text not null check (severity in ('info', 'warning', 'critical')),
  message      text not null,
  raised_at    timestamptz not null,
  resolved_at  timestamptz
);
create index alert_open on ops.alert (raised_at desc) where resolved_at is null;

grant select, insert, update on ops.change_request, ops.change_approval, ops.change_applied, ops.change_suggestion, ops.alert to ${app_role};
grant select, insert on ops.change_check to ${app_role};
