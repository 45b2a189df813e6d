package io.sextant.platform.tenancy.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The SQL that provisioning runs on a region server: the shared schema (once per region), a
 * dedicated database's starter kit, and the rule policies of the policy packs. Identifiers are
 * validated here, since DDL cannot take bind parameters. Threat model: D007.
 */
final class RegionDdl {

    /** Bumped whenever the shared kit below changes, so a region's kit is upgraded once. */
    static final int SHARED_KIT_VERSION = 3;
    static final String SHARED_SCHEMA = io.sextant.platform.tenancy.TenantTables.SHARED_SCHEMA;
    static final String DEDICATED_SCHEMA = "app";
    static final String TENANT_BASE = "tenant_base";
    /** The starter kit's own tables, for installing it; what a tenant holds now is {@link io.sextant.platform.tenancy.TenantTables}. */
    static final List<String> KIT_TABLES = List.of("app_user", "document", "event_log");
    private static final Pattern ROLE = Pattern.compile("^(t_[0-9a-f]{12}|[a-z_][a-z0-9_]{0,62})$");

    private RegionDdl() {
    }

    static String ident(String name) {
        if (!ROLE.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a safe identifier: " + name);
        }
        return name;
    }

    /** Tables of the starter kit; {@code tenantDefault} is how a row gets its tenant key. */
    static List<String> starterTables(String schema, String tenantDefault) {
        String t = "tenant_id uuid not null default " + tenantDefault;
        return List.of(
                "create table if not exists " + schema + ".app_user (id uuid primary key default gen_random_uuid(), " + t
                        + ", email text not null, display_name text, created_at timestamptz not null default now(),"
                        + " unique (tenant_id, email), unique (tenant_id, id))",
                // The composite foreign key keeps a tenant from referencing (and so probing for) another tenant's user.
                "create table if not exists " + schema + ".document (id uuid primary key default gen_random_uuid(), " + t
                        + ", owner_id uuid, title text not null, body text, classification text not null default 'internal'"
                        + " check (classification in ('public', 'internal', 'confidential', 'personal', 'health', 'payment')),"
                        + " created_at timestamptz not null default now(),"
                        + " foreign key (tenant_id, owner_id) references " + schema + ".app_user (tenant_id, id))",
                // the foreign key's index: deleting or re-keying a user must not scan every document
                "create index if not exists document_owner on " + schema + ".document (tenant_id, owner_id)",
                "create table if not exists " + schema + ".event_log (id uuid primary key default gen_random_uuid(), " + t
                        + ", kind text not null, payload jsonb not null default '{}', created_at timestamptz not null default now())");
    }

    /** The shared schema of a region, owned by {@code owner}; run in one transaction under an advisory lock. */
    static List<String> sharedKit(String owner, String database) {
        String o = ident(owner);
        List<String> sql = new ArrayList<>(List.of(
                "create schema if not exists platform",
                "create schema if not exists " + SHARED_SCHEMA,
                "do $$ begin if not exists (select 1 from pg_roles where rolname = 'tenant_base') then"
                        + " create role tenant_base nologin nosuperuser nobypassrls nocreatedb nocreaterole; end if; end $$",
                "grant connect on database " + ident(database) + " to tenant_base",
                // a primary key, so the board's post-apply advisors find nothing to flag in the kit itself
                "drop table if exists platform.kit_version",
                "create table platform.kit_version (version integer primary key)",
                "create table if not exists platform.tenant_role (role_name name primary key, tenant_id uuid not null unique,"
                        + " read_only boolean not null default false, rules text[] not null default '{}')",
                // own_policy: the tenant published its own row-level policies (through the review board), so the
                // platform's tenant-wide default access no longer applies to it; the tenant boundary always does.
                "alter table platform.tenant_role add column if not exists own_policy boolean not null default false",
                "alter table platform.tenant_role enable row level security",
                "alter table platform.tenant_role force row level security",
                "drop policy if exists own_row on platform.tenant_role",
                "create policy own_row on platform.tenant_role for select to tenant_base using (role_name = current_user)",
                "drop policy if exists platform_owner on platform.tenant_role",
                "create policy platform_owner on platform.tenant_role to " + o + " using (true) with check (true)",
                fn("current_tenant_id", "uuid", "select tenant_id from platform.tenant_role where role_name = current_user"),
                fn("current_writable_tenant_id", "uuid",
                        "select tenant_id from platform.tenant_role where role_name = current_user and not read_only"),
                fn("current_tenant_rules", "text[]", "select rules from platform.tenant_role where role_name = current_user"),
                fn("current_tenant_default_access", "boolean",
                        "select coalesce((select not own_policy from platform.tenant_role where role_name = current_user), false)"),
                "revoke all on all functions in schema platform from public",
                "grant execute on all functions in schema platform to tenant_base",
                "grant usage on schema platform, " + SHARED_SCHEMA + " to tenant_base",
                "grant select on platform.tenant_role to tenant_base"));
        sql.addAll(starterTables(SHARED_SCHEMA, "platform.current_tenant_id()"));
        String own = "tenant_id = (select platform.current_tenant_id())";
        String writable = "tenant_id = (select platform.current_writable_tenant_id())";
        for (String table : KIT_TABLES) {
            String q = SHARED_SCHEMA + "." + table;
            sql.add("create index if not exists " + table + "_tenant on " + q + " (tenant_id)");
            sql.add("alter table " + q + " enable row level security");
            sql.add("alter table " + q + " force row level security");
            sql.add("grant select, insert, update, delete on " + q + " to tenant_base");
            // the boundary: restrictive, so no permissive policy (the platform's or a tenant's own) can cross it
            policy(sql, q, "tenant_boundary_select", "as restrictive for select to tenant_base using (" + own + ")");
            policy(sql, q, "tenant_boundary_insert", "as restrictive for insert to tenant_base with check (" + writable + ")");
            policy(sql, q, "tenant_boundary_update", "as restrictive for update to tenant_base using (" + own + ") with check (" + writable + ")");
            policy(sql, q, "tenant_boundary_delete", "as restrictive for delete to tenant_base using (" + own + ")");
            // default access within the tenant, until the tenant publishes its own policies
            String access = "(select platform.current_tenant_default_access())";
            policy(sql, q, "tenant_select", "for select to tenant_base using (" + own + " and " + access + ")");
            policy(sql, q, "tenant_insert", "for insert to tenant_base with check (" + writable + " and " + access + ")");
            policy(sql, q, "tenant_update", "for update to tenant_base using (" + own + " and " + access + ") with check (" + writable + " and "
                    + access + ")");
            policy(sql, q, "tenant_delete", "for delete to tenant_base using (" + own + " and " + access + ")");
            policy(sql, q, "platform_owner", "to " + o + " using (true) with check (true)");
        }
        sql.addAll(PolicyPacks.sharedRulePolicies());
        sql.add(STATISTICS_OFF);
        sql.add("delete from platform.kit_version");
        sql.add("insert into platform.kit_version values (" + SHARED_KIT_VERSION + ")");
        return sql;
    }

    /**
     * Kit v3: no column statistics on shared tables. The planner uses them in every tenant's
     * EXPLAIN, so most-common values and histograms would tell one tenant how often a value occurs
     * in the others' rows (row security hides {@code pg_stats}, not estimates). Cleared as well as
     * no longer collected. Also run on every shared provisioning, which sweeps tables the review
     * board added since (only columns that still have statistics are touched).
     */
    static final String STATISTICS_OFF = "do $$ declare r record; begin for r in select c.relname, a.attname from pg_attribute a"
            + " join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace"
            + " where n.nspname = '" + SHARED_SCHEMA + "' and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped"
            + " and a.attstattarget is distinct from 0 loop"
            + " execute format('alter table " + SHARED_SCHEMA + ".%I alter column %I set statistics 0', r.relname, r.attname);"
            + " perform pg_clear_attribute_stats('" + SHARED_SCHEMA + "', r.relname, r.attname, false);"
            + " perform pg_clear_attribute_stats('" + SHARED_SCHEMA + "', r.relname, r.attname, true);"
            + " end loop; end $$";

    private static String fn(String name, String returns, String body) {
        // security invoker + fixed search_path: the caller's own rights, no shadowing by its search_path.
        return "create or replace function platform." + name + "() returns " + returns
                + " language sql stable security invoker set search_path = pg_catalog as $f$ " + body + " $f$";
    }

    static void policy(List<String> sql, String table, String name, String body) {
        sql.add("drop policy if exists " + name + " on " + table);
        sql.add("create policy " + name + " on " + table + " " + body);
    }

    /** A dedicated database's starter kit: only the tenant role (and the owner) may touch its rows. */
    static List<String> dedicatedKit(String owner, String role, UUID tenantId) {
        String o = ident(owner);
        String r = ident(role);
        List<String> sql = new ArrayList<>(List.of("create schema if not exists " + DEDICATED_SCHEMA));
        sql.addAll(starterTables(DEDICATED_SCHEMA, "'" + tenantId + "'::uuid"));
        sql.add("grant usage on schema " + DEDICATED_SCHEMA + " to " + r);
        for (String table : KIT_TABLES) {
            String q = DEDICATED_SCHEMA + "." + table;
            sql.add("alter table " + q + " enable row level security");
            sql.add("alter table " + q + " force row level security");
            sql.add("grant select, insert, update, delete on " + q + " to " + r);
            policy(sql, q, "tenant_all", "to " + r + " using (true) with check (true)");
            policy(sql, q, "platform_owner", "to " + o + " using (true) with check (true)");
        }
        return sql;
    }
}
