-- Organisations and their projects (a project is a tenant). The tenancy capability fills in
-- plans, regions and the lifecycle.

create table control_plane.organization (
  org_id      uuid primary key,
  slug        text not null unique check (slug ~ '^[a-z][a-z0-9-]{1,38}[a-z0-9]$'),
  name        text not null check (length(name) between 1 and 120),
  plan_code   text not null default 'free',
  created_at  timestamptz not null default now(),
  version     integer not null default 0
);

create table control_plane.project (
  project_id  uuid primary key,
  org_id      uuid not null references control_plane.organization (org_id),
  slug        text not null check (slug ~ '^[a-z][a-z0-9-]{1,38}[a-z0-9]$'),
  name        text not null check (length(name) between 1 and 120),
  region      text not null,
  isolation   text not null check (isolation in ('shared', 'dedicated')),
  status      text not null default 'active',
  created_at  timestamptz not null default now(),
  version     integer not null default 0,
  unique (org_id, slug)
);
create index project_org on control_plane.project (org_id);

grant select, insert, update on control_plane.organization, control_plane.project to ${app_role};
