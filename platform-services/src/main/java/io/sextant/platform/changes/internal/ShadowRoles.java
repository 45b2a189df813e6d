package io.sextant.platform.changes.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The roles a target's schemas refer to (owners, grantees, policy roles), the target owner among
 * them, read from the live server, and recreated on a shadow server so that the snapshot's grants
 * and policies can be rebuilt there and the change can run as the owner. Every recreated role is
 * NOSUPERUSER and NOREPLICATION whatever it is live: inside the shadow nothing may act as a
 * superuser on the console's host (the shadow runs as the console's OS user). Only the owner can
 * log in, with a password made for this shadow. Memberships among these roles are copied; the
 * predefined roles that reach the host's files or programs are never granted.
 */
record ShadowRoles(String owner, List<Role> roles, List<Membership> memberships) {

    record Role(String name, boolean inherit, boolean createRole, boolean createDb, boolean bypassRls, int connectionLimit) {
    }

    record Membership(String role, String member, boolean admin, boolean inherit, boolean set) {
    }

    /** Predefined roles that read or write the server's files or run programs on its host. */
    static final Set<String> HOST_REACHING = Set.of("pg_read_server_files", "pg_write_server_files", "pg_execute_server_program");

    /** The bootstrap superuser of every shadow server; a target owner of that name cannot be recreated below it. */
    static final String SHADOW_SUPERUSER = "postgres";

    static ShadowRoles read(Connection live, Collection<String> schemas) throws SQLException {
        String owner;
        try (Statement st = live.createStatement(); ResultSet r = st.executeQuery("select current_user")) {
            r.next();
            owner = r.getString(1);
        }
        List<Role> roles = new ArrayList<>();
        try (PreparedStatement ps = live.prepareStatement("""
                with ns as (select oid, nspowner, nspacl from pg_namespace where nspname = any(?)),
                objs as (
                  select nspowner as owner, nspacl as acl from ns
                  union all select relowner, relacl from pg_class where relnamespace in (select oid from ns)
                  union all select proowner, proacl from pg_proc where pronamespace in (select oid from ns)
                  union all select typowner, typacl from pg_type where typnamespace in (select oid from ns)
                ),
                ids as (
                  select owner as id from objs
                  union select (aclexplode(acl)).grantee from objs where acl is not null
                  union select (aclexplode(a.attacl)).grantee from pg_attribute a join pg_class c on c.oid = a.attrelid
                        where c.relnamespace in (select oid from ns) and a.attacl is not null
                  union select unnest(p.polroles) from pg_policy p join pg_class c on c.oid = p.polrelid
                        where c.relnamespace in (select oid from ns)
                  union select oid from pg_roles where rolname = current_user
                  union select roleid from pg_auth_members where member = (select oid from pg_roles where rolname = current_user)
                )
                select rolname, rolinherit, rolcreaterole, rolcreatedb, rolbypassrls, rolconnlimit
                from pg_roles where oid in (select id from ids) and rolname !~ '^pg_' order by rolname""")) {
            ps.setArray(1, live.createArrayOf("text", schemas.toArray()));
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    roles.add(new Role(r.getString(1), r.getBoolean(2), r.getBoolean(3), r.getBoolean(4), r.getBoolean(5), r.getInt(6)));
                }
            }
        }
        List<String> names = roles.stream().map(Role::name).toList();
        List<Membership> memberships = new ArrayList<>();
        try (PreparedStatement ps = live.prepareStatement("""
                select r.rolname, m.rolname, a.admin_option, a.inherit_option, a.set_option
                from pg_auth_members a join pg_roles r on r.oid = a.roleid join pg_roles m on m.oid = a.member
                where m.rolname = any(?) and (r.rolname = any(?) or r.rolname ~ '^pg_')
                order by 1, 2""")) {
            ps.setArray(1, live.createArrayOf("text", names.toArray()));
            ps.setArray(2, live.createArrayOf("text", names.toArray()));
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    if (!HOST_REACHING.contains(r.getString(1))) {
                        memberships.add(new Membership(r.getString(1), r.getString(2), r.getBoolean(3), r.getBoolean(4), r.getBoolean(5)));
                    }
                }
            }
        }
        return new ShadowRoles(owner, List.copyOf(roles), List.copyOf(memberships));
    }

    /** Creates the roles and memberships through a superuser statement on the shadow server; the owner logs in with {@code password}. */
    void recreate(ShadowServer server, Statement superuser, int major, String password) throws SQLException {
        if (SHADOW_SUPERUSER.equals(owner)) {
            throw new SQLException("the target's owner role is named '" + SHADOW_SUPERUSER + "', the shadow server's own superuser: "
                    + "connect the target as a role of another name");
        }
        for (Role r : roles) {
            StringBuilder sql = new StringBuilder("nosuperuser noreplication")
                    .append(r.inherit() ? " inherit" : " noinherit")
                    .append(r.createRole() ? " createrole" : " nocreaterole")
                    .append(r.createDb() ? " createdb" : " nocreatedb")
                    .append(r.bypassRls() ? " bypassrls" : " nobypassrls")
                    .append(" connection limit ").append(r.connectionLimit());
            if (r.name().equals(owner)) {
                sql.append(" login password ").append(Sql.literal(password));
            } else {
                sql.append(" nologin");
            }
            server.ensureRole(superuser, r.name(), sql.toString());
        }
        for (Membership m : memberships) {
            String grant = "grant " + Sql.ident(m.role()) + " to " + Sql.ident(m.member());
            superuser.execute(major >= 16
                    ? grant + " with admin " + m.admin() + ", inherit " + m.inherit() + ", set " + m.set()
                    : grant + (m.admin() ? " with admin option" : ""));
        }
    }
}
