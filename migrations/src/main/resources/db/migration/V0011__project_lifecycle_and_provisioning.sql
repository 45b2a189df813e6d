-- A project's lifecycle, its derived setup, its API keys, and the durable record of every
-- provisioning run, step by step, so that a run interrupted part-way can be resumed.

alter table control_plane.project
  add constraint project_region_fk foreign key (region) references control_plane.region (region_code),
  add constraint project_status_check check (status in ('provisioning', 'active', 'suspended', 'deleting', 'deleted', 'failed')),
  add column data_classes text[] not null default '{}',
  add column policy_pack text not null default 'baseline',
  add column audit_retention_days integer not null default 7,
  add column backup_target text not null default 'daily snapshots',
  add column intent jsonb not null default '{}'::jsonb,
  add column db_role text,
  add column db_schema text,
  add column db_name text,
  add column suspended_at timestamptz,
  add column delete_after timestamptz,
  add column deleted_at timestamptz,
  add column updated_at timestamptz not null default now();
alter table control_plane.project alter column status set default 'provisioning';
create unique index project_db_role_key on control_plane.project (db_role) where db_role is not null;

create table control_plane.project_api_key (
  key_id      uuid primary key,
  project_id  uuid not null references control_plane.project (project_id) on delete cascade,
  kind        text not null check (kind in ('anon', 'service')),
  key_prefix  text not null,
  key_hash    bytea not null unique,
  created_at  timestamptz not null,
  revoked_at  timestamptz
);

create table control_plane.provisioning_run (
  run_id           uuid primary key,
  project_id       uuid not null references control_plane.project (project_id),
  idempotency_key  text not null unique,
  kind             text not null check (kind in ('provision', 'deprovision')),
  status           text not null check (status in ('running', 'failed', 'succeeded')),
  started_at       timestamptz not null,
  finished_at      timestamptz,
  attempts         integer not null default 1,
  error            text
);
create index provisioning_run_project on control_plane.provisioning_run (project_id, started_at desc);

create table control_plane.provisioning_step (
  run_id       uuid not null references control_plane.provisioning_run (run_id) on delete cascade,
  ordinal      integer not null,
  step         text not null,
  status       text not null check (status in ('pending', 'running', 'done', 'failed')),
  started_at   timestamptz,
  finished_at  timestamptz,
  detail       text,
  primary key (run_id, ordinal)
);

create table control_plane.project_export (
  export_id    uuid primary key,
  project_id   uuid not null references control_plane.project (project_id),
  created_at   timestamptz not null,
  created_by   text not null,
  format       text not null,
  size_bytes   bigint not null,
  sha256       bytea not null,
  content      bytea not null
);

create table control_plane.residency_check (
  check_id     uuid primary key,
  project_id   uuid not null references control_plane.project (project_id),
  checked_at   timestamptz not null,
  actor        text not null,
  compliant    boolean not null,
  findings     jsonb not null
);
create index residency_check_project on control_plane.residency_check (project_id, checked_at desc);

grant select, insert, update, delete on control_plane.project_api_key, control_plane.provisioning_run,
  control_plane.provisioning_step to ${app_role};
grant select, insert on control_plane.project_export, control_plane.residency_check to ${app_role};
grant delete on control_plane.project_export to ${app_role};
