package io.sextant.platform.authz;

import io.sextant.database.EmbeddedPostgresServer;
import io.sextant.platform.authz.RowSecurityModel.RowOutcome;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Runs one generated case on a real PostgreSQL and through the evaluator and says whether they
 * enforced the same thing. A case: a policy (text), rows, a principal (its tenant role, its claims),
 * a context and commands. The database side installs the compiled policy, inserts the rows as the
 * table owner, then runs each command as the tenant role with the claims and context set — all in
 * one transaction that is rolled back. A compiler mutation can be planted to prove the comparison
 * catches a wrong compiler.
 */
final class DifferentialHarness implements AutoCloseable {

    static final UUID TENANT_A = UUID.fromString("aaaaaaaa-0000-4000-8000-000000000001");
    static final UUID TENANT_B = UUID.fromString("bbbbbbbb-0000-4000-8000-000000000002");
    static final UUID ORG_1 = UUID.fromString("0e000000-0000-4000-8000-000000000001");
    static final UUID ORG_2 = UUID.fromString("0e000000-0000-4000-8000-000000000002");
    static final String CLAIMS = "claims { level: number, dept: text, orgs: uuid[], active: bool, home: text }\n";
    static final TableSchema ITEM = new TableSchema("item", "dt.item", columns());
    static final List<String> COLUMNS = List.of("tenant_id", "owner", "status", "amount", "flag", "org_id");

    private static Map<String, ValueType> columns() {
        Map<String, ValueType> c = new LinkedHashMap<>();
        c.put("id", ValueType.NUMBER);
        c.put("tenant_id", ValueType.UUID);
        c.put("owner", ValueType.TEXT);
        c.put("status", ValueType.TEXT);
        c.put("amount", ValueType.NUMBER);
        c.put("flag", ValueType.BOOL);
        c.put("org_id", ValueType.UUID);
        return c;
    }

    /** A command: SELECT all rows, UPDATE one column of row {@code id}, DELETE row {@code id}, or INSERT {@code row}. */
    record Command(String kind, int id, @Nullable String column, @Nullable Object value, Map<String, @Nullable Object> row) {
        @Override
        public String toString() {
            return switch (kind) {
                case "select" -> "SELECT";
                case "update" -> "UPDATE set " + column + " = " + value + " where id = " + id;
                case "delete" -> "DELETE where id = " + id;
                default -> "INSERT " + row;
            };
        }
    }

    /** The tenant role the session logs in as: t_a (tenant A), t_b (tenant B) or t_none (no tenant). */
    record Case(String policy, List<Map<String, @Nullable Object>> rows, String role, Map<String, Object> claims, RequestContext context,
            List<Command> commands) {
        @Override
        public String toString() {
            return "\npolicy:\n" + policy + "rows: " + rows + "\nsession role: " + role + ", claims: " + claims + ", context: " + context
                    + "\ncommands: " + commands;
        }
    }

    /** One command's result: the ids it saw or changed, or the refusal. */
    record Outcome(TreeSet<Integer> ids, boolean refused) {
        @Override
        public String toString() {
            return refused ? "refused (new row violates row-level security)" : "rows " + ids;
        }
    }

    private final EmbeddedPostgresServer server;
    private final Connection c;

    DifferentialHarness() throws Exception {
        Path home = Files.createTempDirectory("sextant-differential");
        server = EmbeddedPostgresServer.start(home, 0);
        c = server.superuserDataSource("postgres").getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("create schema platform");
            s.execute("create table platform.tenant_role (role_name name primary key, tenant_id uuid not null)");
            s.execute("create function platform.current_tenant_id() returns uuid language sql stable security invoker"
                    + " set search_path = pg_catalog as $f$ select tenant_id from platform.tenant_role where role_name = current_user $f$");
            s.execute("create schema dt");
            s.execute("create table dt.item (id int primary key, tenant_id uuid, owner text, status text, amount int, flag boolean, org_id uuid)");
            for (String role : List.of("t_a", "t_b", "t_none")) {
                s.execute("create role " + role + " nologin nosuperuser nobypassrls");
                s.execute("grant usage on schema platform, dt to " + role);
                s.execute("grant select on platform.tenant_role to " + role);
                s.execute("grant select, insert, update, delete on dt.item to " + role);
            }
            s.execute("insert into platform.tenant_role values ('t_a', '" + TENANT_A + "'), ('t_b', '" + TENANT_B + "')");
            s.execute("alter table dt.item enable row level security");
            s.execute("alter table dt.item force row level security");
        }
        c.setAutoCommit(false);
    }

    static UUID tenantOf(String role) {
        return switch (role) {
            case "t_a" -> TENANT_A;
            case "t_b" -> TENANT_B;
            default -> null;
        };
    }

    static Principal principal(Case k) {
        Object sub = k.claims().get("sub");
        Object role = k.claims().get("role");
        Map<String, Object> custom = new LinkedHashMap<>(k.claims());
        custom.remove("sub");
        custom.remove("role");
        return new Principal(sub == null ? null : String.valueOf(sub), role == null ? null : String.valueOf(role), tenantOf(k.role()), custom);
    }

    /** What the evaluator says each command does. */
    static List<Outcome> expected(Case k) {
        Policy policy = PolicyParser.parse(k.policy(), List.of(ITEM));
        RowSecurityModel model = new RowSecurityModel(CompiledPolicy.of(policy), principal(k), k.context(), "item");
        List<Outcome> out = new ArrayList<>();
        for (Command cmd : k.commands()) {
            TreeSet<Integer> ids = new TreeSet<>();
            boolean refused = false;
            switch (cmd.kind()) {
                case "select" -> k.rows().stream().filter(r -> model.select(r) == RowOutcome.ALLOWED).forEach(r -> ids.add((Integer) r.get("id")));
                case "delete" -> k.rows().stream().filter(r -> r.get("id").equals(cmd.id()))
                        .filter(r -> model.delete(r) == RowOutcome.ALLOWED).forEach(r -> ids.add(cmd.id()));
                case "update" -> {
                    for (Map<String, @Nullable Object> r : k.rows()) {
                        if (!r.get("id").equals(cmd.id())) {
                            continue;
                        }
                        Map<String, @Nullable Object> after = new LinkedHashMap<>(r);
                        after.put(cmd.column(), cmd.value());
                        RowOutcome o = model.update(r, after);
                        if (o == RowOutcome.ALLOWED) {
                            ids.add(cmd.id());
                        } else if (o == RowOutcome.REFUSED_BY_CHECK || o == RowOutcome.REFUSED_NOT_VISIBLE_AFTER) {
                            refused = true;
                        }
                    }
                }
                default -> {
                    if (model.insert(cmd.row()) == RowOutcome.ALLOWED) {
                        ids.add(cmd.id());
                    } else {
                        refused = true;
                    }
                }
            }
            out.add(refused ? new Outcome(new TreeSet<>(), true) : new Outcome(ids, false));
        }
        return out;
    }

    /** What PostgreSQL does, with the compiled policy (after {@code mutation}, which is the identity unless a bug is planted). */
    List<Outcome> actual(Case k, UnaryOperator<String> mutation) throws SQLException {
        Policy policy = PolicyParser.parse(k.policy(), List.of(ITEM));
        CompiledRls rls = PolicyCompiler.compile(policy, SqlTarget.of("t_a, t_b, t_none", List.of(ITEM)));
        List<Outcome> out = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            s.execute("delete from dt.item");
            try (ResultSet rs = s.executeQuery("select polname from pg_policy where polrelid = 'dt.item'::regclass")) {
                List<String> names = new ArrayList<>();
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
                for (String n : names) {
                    s.execute("drop policy \"" + n + "\" on dt.item");
                }
            }
            for (String sql : rls.statements()) {
                s.execute(mutation.apply(sql));
            }
            for (Map<String, @Nullable Object> row : k.rows()) {
                insert(row);
            }
            for (Command cmd : k.commands()) {
                Savepoint sp = c.setSavepoint();
                try {
                    s.execute("set local role " + k.role());
                    setting("request.claims", Json.write(k.claims()));
                    setting("request.context", Json.write(contextJson(k.context())));
                    out.add(run(cmd));
                } finally {
                    c.rollback(sp);
                }
            }
        } finally {
            c.rollback();
        }
        return out;
    }

    static Map<String, Object> contextJson(RequestContext ctx) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (ctx.time() != null) {
            m.put("time", ctx.time().toString());
        }
        if (ctx.ip() != null) {
            m.put("ip", ctx.ip());
        }
        if (ctx.risk() != null) {
            m.put("risk", ctx.risk());
        }
        return m;
    }

    private void setting(String name, String json) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select set_config(?, ?, true)")) {
            ps.setString(1, name);
            ps.setString(2, json);
            ps.execute();
        }
    }

    private void insert(Map<String, @Nullable Object> row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into dt.item (id, tenant_id, owner, status, amount, flag, org_id) values (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, row.get("id"));
            for (int i = 0; i < COLUMNS.size(); i++) {
                ps.setObject(i + 2, row.get(COLUMNS.get(i)));
            }
            ps.executeUpdate();
        }
    }

    private Outcome run(Command cmd) throws SQLException {
        TreeSet<Integer> ids = new TreeSet<>();
        try {
            switch (cmd.kind()) {
                case "select" -> {
                    try (PreparedStatement ps = c.prepareStatement("select id from dt.item"); ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getInt(1));
                        }
                    }
                }
                case "delete" -> {
                    try (PreparedStatement ps = c.prepareStatement("delete from dt.item where id = ?")) {
                        ps.setInt(1, cmd.id());
                        if (ps.executeUpdate() > 0) {
                            ids.add(cmd.id());
                        }
                    }
                }
                case "update" -> {
                    try (PreparedStatement ps = c.prepareStatement("update dt.item set " + cmd.column() + " = ? where id = ?")) {
                        ps.setObject(1, cmd.value());
                        ps.setInt(2, cmd.id());
                        if (ps.executeUpdate() > 0) {
                            ids.add(cmd.id());
                        }
                    }
                }
                default -> {
                    insert(cmd.row());
                    ids.add(cmd.id());
                }
            }
            return new Outcome(ids, false);
        } catch (SQLException e) {
            if ("42501".equals(e.getSQLState()) && e.getMessage().contains("row-level security")) {
                return new Outcome(new TreeSet<>(), true);
            }
            throw e;
        }
    }

    @Override
    public void close() throws Exception {
        c.close();
        server.close();
    }

    /** A tiny JSON writer for claims and context (strings, numbers, booleans, lists, null). */
    static final class Json {
        static String write(@Nullable Object v) {
            if (v == null) {
                return "null";
            }
            if (v instanceof String s) {
                return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            }
            if (v instanceof Number || v instanceof Boolean) {
                return v instanceof BigDecimal d ? d.toPlainString() : v.toString();
            }
            if (v instanceof UUID || v instanceof Instant) {
                return write(v.toString());
            }
            if (v instanceof List<?> l) {
                return l.stream().map(Json::write).collect(Collectors.joining(",", "[", "]"));
            }
            if (v instanceof Map<?, ?> m) {
                return m.entrySet().stream().map(e -> write(String.valueOf(e.getKey())) + ":" + write(e.getValue()))
                        .collect(Collectors.joining(",", "{", "}"));
            }
            throw new IllegalArgumentException("cannot write " + v.getClass());
        }
    }
}
