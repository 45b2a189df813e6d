-- Plans (owned by the organisation, applying to all its projects), regions (each one its own
-- PostgreSQL server; rows mirror the configuration) and organisation members.

create table control_plane.plan (
  plan_code              text primary key check (plan_code in ('free', 'pro', 'team', 'enterprise')),
  display_name           text not null,
  rank                   integer not null unique,
  storage_limit_bytes    bigint not null check (storage_limit_bytes > 0),
  row_limit              bigint not null check (row_limit > 0),
  api_calls_per_day      bigint not null check (api_calls_per_day > 0),
  decisions_per_day      bigint not null check (decisions_per_day > 0),
  audit_retention_days   integer not null check (audit_retention_days > 0),
  max_projects           integer not null check (max_projects > 0),
  allowed_isolation      text[] not null,
  allowed_data_classes   text[] not null,
  region_pinning         boolean not null,
  point_in_time_recovery boolean not null,
  monthly_price_cents    integer not null check (monthly_price_cents >= 0)
);

insert into control_plane.plan values
  ('free',       'Free',       1,      524288000,     50000,     10000,     10000,    7,   2, '{shared}',           '{}',                        false, false,      0),
  ('pro',        'Pro',        2,     8589934592,   1000000,    500000,    500000,   90,  10, '{shared}',           '{personal}',                true,  false,   2500),
  ('team',       'Team',       3,   107374182400,  50000000,   5000000,   5000000,  365,  50, '{shared,dedicated}', '{personal,payment}',        true,  true,   59900),
  ('enterprise', 'Enterprise', 4,  1099511627776, 500000000,  50000000,  50000000, 2555, 500, '{shared,dedicated}', '{personal,payment,health}', true,  true,  499900);

create table control_plane.region (
  region_code        text primary key check (region_code ~ '^[a-z]{2}-[a-z]+(-[0-9]+)?$'),
  display_name       text not null,
  jurisdiction       text not null check (jurisdiction in ('EU', 'US', 'UK', 'APAC', 'OTHER')),
  system_identifier  text,
  enabled            boolean not null default true,
  updated_at         timestamptz not null
);

alter table control_plane.organization
  add constraint organization_plan_fk foreign key (plan_code) references control_plane.plan (plan_code),
  add column status text not null default 'active' check (status in ('active', 'suspended')),
  add column updated_at timestamptz not null default now();

create table control_plane.org_member (
  org_id     uuid not null references control_plane.organization (org_id) on delete cascade,
  email      text not null check (email ~ '^[^@\s]+@[^@\s]+$'),
  role       text not null check (role in ('owner', 'admin', 'developer', 'viewer')),
  added_at   timestamptz not null,
  primary key (org_id, email)
);

grant select on control_plane.plan, control_plane.region to ${app_role};
grant insert, update on control_plane.region to ${app_role};
grant select, insert, update, delete on control_plane.org_member to ${app_role};
