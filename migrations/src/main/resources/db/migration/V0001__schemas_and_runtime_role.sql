-- The canonical schemas and the console's runtime role.
-- Everything here is owned by the migration (owner) role. The runtime role ${app_role} is a
-- plain login role: not a superuser, no BYPASSRLS, owns nothing, and gets only the grants that
-- later migrations give it table by table (see docs/decisions/D003-database-roles.md).

do $$
begin
  if not exists (select from pg_roles where rolname = '${app_role}') then
    create role ${app_role} nologin nosuperuser nobypassrls nocreatedb nocreaterole;
  end if;
end
$$;

create schema if not exists control_plane;
create schema if not exists authz;
create schema if not exists security;
create schema if not exists ledger;
create schema if not exists telemetry;
create schema if not exists vedic;
create schema if not exists ops;

comment on schema control_plane is 'Organisations, projects (tenants), plans, regions and their lifecycle.';
comment on schema authz is 'Policies, their versions and decision traces.';
comment on schema security is 'Operators, roles, signing keys, tokens, nonces and console sessions.';
comment on schema ledger is 'The hash-chained audit log and its signed checkpoints.';
comment on schema telemetry is 'Metering, SQL statistics, incidents.';
comment on schema vedic is 'Risk scoring and its fast prefilter.';
comment on schema ops is 'Change requests, decision graph and operational records.';

revoke all on schema public from public;
grant usage on schema control_plane, authz, security, ledger, telemetry, vedic, ops to ${app_role};
