package io.sextant.platform.authz;

import io.sextant.platform.audit.AuditEntry;
import io.sextant.platform.audit.AuditLog;
import io.sextant.platform.authz.RowSecurityModel.RowOutcome;
import io.sextant.platform.authz.Simulation.Command;
import io.sextant.platform.authz.Simulation.Request;
import io.sextant.platform.authz.Simulation.Result;
import io.sextant.platform.authz.Simulation.RowResult;
import io.sextant.platform.authz.internal.JsonBridge;
import io.sextant.platform.authz.internal.TenantAccess;
import io.sextant.platform.authz.internal.TenantTables;
import io.sextant.platform.tenancy.IsolationModel;
import io.sextant.platform.tenancy.Project;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a command as any principal against a tenant's real rows with the real row-level security,
 * inside a transaction that is always rolled back (short lock and statement timeouts), and explains
 * every row it could reach: PostgreSQL hides rows that fail a USING clause without a word, so the
 * evaluator computes each rule's verdict with the values it saw and checks that it predicted
 * exactly what the database did. The what-if mode evaluates a draft on the same rows without
 * running the command (only a plain read of the candidate rows). Simulations are traced as
 * SIMULATION, apart from live decisions, and audited.
 */
@Service
public class PolicySimulator {

    private static final int MAX_ROWS = 50;

    private final PolicyService policies;
    private final TenantTables tables;
    private final TenantAccess access;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    PolicySimulator(PolicyService policies, TenantTables tables, TenantAccess access, AuditLog audit, TransactionTemplate tx, Clock clock) {
        this.policies = policies;
        this.tables = tables;
        this.access = access;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Whether the signed-in person may simulate on this project's rows (D009: who may see a
     * tenant's rows), for a screen to say so beforehand; {@link #simulate} decides again and audits
     * a refusal.
     */
    @PreAuthorize(PolicyService.READ)
    public boolean mayRun(UUID projectId) {
        return access.maySeeRows(policies.project(projectId));
    }

    @PreAuthorize(PolicyService.READ)
    public Result simulate(Request req) {
        long started = System.nanoTime();
        Project target = policies.project(req.projectId());
        access.requireRows(target, "authz.simulate");
        Project principalProject = req.principalProjectId() == null ? null : policies.project(req.principalProjectId());
        String role = sessionRole(target, principalProject);
        List<TenantTables.Table> targetTables = tables.tables(target);
        TenantTables.Table table = targetTables.stream().filter(t -> t.schema().name().equals(req.table())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown table '" + req.table() + "' in project " + target.slug() + "; tables: "
                        + String.join(", ", targetTables.stream().map(t -> t.schema().name()).toList())));
        String key = table.primaryKey().isEmpty() ? "ctid" : table.primaryKey().get(0);
        Map<String, @Nullable Object> setValues = typed(table, req.set(), "set");
        Map<String, @Nullable Object> whereValues = typed(table, req.where(), "where");
        if (req.command() == Command.UPDATE && setValues.isEmpty()) {
            throw new IllegalArgumentException("An UPDATE needs at least one column to set");
        }
        CompiledPolicy policy = policies.effective(target.id(), req.draftSource());
        Principal principal = new Principal(req.subject(), req.role(), principalProject == null ? null : principalProject.id(), req.claims());
        RowSecurityModel model = new RowSecurityModel(policy, principal, req.context(), req.table());
        UUID simulationId = UUID.randomUUID();
        Instant now = clock.instant();

        List<Map<String, @Nullable Object>> candidates;
        List<String> databaseRows = new ArrayList<>();
        String refused = null;
        String sql;
        boolean executed = req.draftSource() == null;
        try (Connection c = tables.owner(target)) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("set local lock_timeout = '2s'");
                s.execute("set local statement_timeout = '10s'");
                candidates = req.command() == Command.INSERT ? List.of(insertRow(c, table, target, principalProject, setValues))
                        : candidates(c, table, target, whereValues, key);
                sql = commandSql(req, table, target, key, setValues, whereValues);
                if (executed) {
                    s.execute("grant " + role + " to current_user with inherit false, set true");
                    s.execute("set local role " + role);
                    try (PreparedStatement ps = c.prepareStatement("select set_config('request.claims', ?, true), set_config('request.context', ?, true)")) {
                        ps.setString(1, JsonBridge.canonical(principal.allClaims()));
                        ps.setString(2, JsonBridge.canonical(CompiledPolicy.contextSnapshot(req.context())));
                        ps.execute();
                    }
                    try {
                        databaseRows = run(c, req, table, target, key, setValues, whereValues, candidates);
                    } catch (SQLException e) {
                        if (!"42501".equals(e.getSQLState())) {
                            throw e;
                        }
                        refused = e.getMessage();
                    }
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The simulation could not run on project " + target.slug() + ": " + e.getMessage(), e);
        }

        List<RowResult> rows = new ArrayList<>();
        List<DecisionTrace> traces = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        boolean predictedRefusal = false;
        for (Map<String, @Nullable Object> before : candidates) {
            String rowKey = String.valueOf(before.get(key));
            Map<String, @Nullable Object> after = null;
            RowOutcome outcome;
            List<DecisionTrace> rowTraces = new ArrayList<>();
            switch (req.command()) {
                case SELECT -> {
                    outcome = model.select(before);
                    rowTraces.add(trace(policy, model, "select", before, simulationId, target, now));
                }
                case DELETE -> {
                    outcome = model.delete(before);
                    rowTraces.add(trace(policy, model, "select", before, simulationId, target, now));
                    rowTraces.add(trace(policy, model, "delete", before, simulationId, target, now));
                }
                case UPDATE -> {
                    after = new LinkedHashMap<>(before);
                    after.putAll(setValues);
                    outcome = model.update(before, after);
                    rowTraces.add(trace(policy, model, "select", before, simulationId, target, now));
                    rowTraces.add(trace(policy, model, "update", before, simulationId, target, now));
                    rowTraces.add(trace(policy, model, "update", after, simulationId, target, now));
                    rowTraces.add(trace(policy, model, "select", after, simulationId, target, now));
                }
                default -> {
                    after = before;
                    outcome = model.insert(before);
                    rowTraces.add(trace(policy, model, "insert", before, simulationId, target, now));
                }
            }
            if (outcome == RowOutcome.ALLOWED) {
                predicted.add(rowKey);
            }
            predictedRefusal |= outcome == RowOutcome.REFUSED_BY_CHECK || outcome == RowOutcome.REFUSED_NOT_VISIBLE_AFTER;
            rows.add(new RowResult(rowKey, before, after, outcome, words(outcome, policy, rowTraces), List.copyOf(rowTraces),
                    Simulation.checks(req.command())));
            traces.addAll(rowTraces);
        }
        if (predictedRefusal) {
            predicted = List.of();
        }
        boolean agrees = !executed || (Set.copyOf(predicted).equals(Set.copyOf(databaseRows)) && predictedRefusal == (refused != null));
        String summary = summary(req, executed, databaseRows, refused, predicted, predictedRefusal, agrees, candidates.size());
        policies.recordAll(traces);
        boolean refusedFinal = refused != null;
        List<String> dbRows = databaseRows;
        tx.executeWithoutResult(s -> audit.append(AuditEntry.succeeded("authz.simulate", "project", target.id().toString(), Map.of(
                "simulation", simulationId.toString(), "command", req.command().name(), "table", req.table(), "sessionRole", role,
                "mode", executed ? "real row-level security, rolled back" : "what-if on a draft",
                "result", refusedFinal ? "refused" : dbRows.size() + " row(s)", "agrees", String.valueOf(agrees)))));
        return new Result(simulationId, req, executed, sql, List.copyOf(databaseRows), refused, List.copyOf(predicted), predictedRefusal, agrees,
                List.copyOf(rows), policy.policy().hash(), summary, (System.nanoTime() - started) / 1_000_000);
    }

    private String sessionRole(Project target, @Nullable Project principalProject) {
        if (principalProject == null) {
            if (target.isolation() != IsolationModel.SHARED) {
                throw new IllegalArgumentException("A dedicated database has only its own tenant's role; choose project " + target.slug());
            }
            return "tenant_base";
        }
        if (!principalProject.region().equals(target.region()) || principalProject.isolation() != target.isolation()
                || (target.isolation() == IsolationModel.DEDICATED && !principalProject.id().equals(target.id()))) {
            throw new IllegalArgumentException("A user of " + principalProject.slug() + " has no session on the database of " + target.slug()
                    + (target.isolation() == IsolationModel.DEDICATED ? " (a dedicated database)" : " (another region or isolation)"));
        }
        if (principalProject.dbRole() == null) {
            throw new IllegalStateException("Project " + principalProject.slug() + " has no database role yet");
        }
        return principalProject.dbRole();
    }

    private static DecisionTrace trace(CompiledPolicy policy, RowSecurityModel model, String action, Map<String, @Nullable Object> row, UUID sim,
            Project target, Instant now) {
        return policy.trace(model.request(action, row), UUID.randomUUID(), TraceKind.SIMULATION, target.id(), now).withRequestId(sim.toString());
    }

    private static String words(RowOutcome o, CompiledPolicy policy, List<DecisionTrace> traces) {
        DecisionTrace deciding = switch (o) {
            case ALLOWED -> traces.get(traces.size() - 1);
            case SKIPPED_NOT_VISIBLE -> traces.get(0);
            case SKIPPED_NOT_PERMITTED -> traces.get(1);
            case REFUSED_BY_CHECK -> traces.size() > 2 ? traces.get(2) : traces.get(0);
            case REFUSED_NOT_VISIBLE_AFTER -> traces.get(3);
        };
        String lead = switch (o) {
            case ALLOWED -> "Allowed. ";
            case SKIPPED_NOT_VISIBLE -> "Silently skipped: the row is not visible to this session (SELECT policies). ";
            case SKIPPED_NOT_PERMITTED -> "Silently skipped: the row is visible but the command's USING clause refuses it. ";
            case REFUSED_BY_CHECK -> "Refused with an error: the new row fails WITH CHECK. ";
            case REFUSED_NOT_VISIBLE_AFTER -> "Refused with an error: the updated row would no longer be visible to its author. ";
        };
        return lead + Explainer.explain(policy, deciding).summary();
    }

    private static String summary(Request req, boolean executed, List<String> db, @Nullable String refused, List<String> predicted, boolean predictedRefusal,
            boolean agrees, int candidates) {
        String what = switch (req.command()) {
            case SELECT -> "visible";
            case INSERT -> "inserted";
            case UPDATE -> "updated";
            case DELETE -> "deleted";
        };
        if (!executed) {
            return "What-if (not run): the draft would make " + (predictedRefusal ? "the command fail (WITH CHECK)" : predicted.size() + " of "
                    + candidates + " row(s) " + what) + ".";
        }
        String base = refused != null ? "PostgreSQL refused the command: " + refused.lines().findFirst().orElse(refused)
                : db.size() + " of " + candidates + " candidate row(s) " + what + "; the transaction was rolled back.";
        return base + (agrees ? " The engine predicted exactly this." : " WARNING: the engine predicted " + (predictedRefusal ? "a refusal"
                : predicted.size() + " row(s)") + " — report this disagreement.");
    }

    private static Map<String, @Nullable Object> typed(TenantTables.Table table, Map<String, String> values, String what) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        for (var e : values.entrySet()) {
            String col = e.getKey();
            if (!table.pgTypes().containsKey(col)) {
                throw new IllegalArgumentException("Unknown column '" + col + "' in " + what + " of table " + table.schema().name() + "; columns: "
                        + String.join(", ", table.pgTypes().keySet()));
            }
            out.put(col, parse(table, col, e.getValue()));
        }
        return out;
    }

    private static @Nullable Object parse(TenantTables.Table table, String col, String text) {
        if (text.equals("null")) {
            return null;
        }
        ValueType t = table.schema().columns().get(col);
        if (t == null) {
            return text;
        }
        Object v = Values.coerce(text, t);
        if (v == null) {
            throw new IllegalArgumentException("Column " + col + " expects " + t.word() + ", not '" + text + "'");
        }
        return v;
    }

    private static String cast(TenantTables.Table table, String col) {
        return "?::" + table.pgTypes().get(col);
    }

    private static void bind(PreparedStatement ps, int i, @Nullable Object v) throws SQLException {
        ps.setString(i, v == null ? null : v instanceof BigDecimal d ? d.toPlainString() : v.toString());
    }

    private List<Map<String, @Nullable Object>> candidates(Connection c, TenantTables.Table table, Project target, Map<String, @Nullable Object> where,
            String key) throws SQLException {
        StringBuilder sql = new StringBuilder("select * from " + table.schema().qualifiedName() + " where true");
        List<Object> args = new ArrayList<>();
        if (target.isolation() == IsolationModel.SHARED) {
            sql.append(" and tenant_id = ?::uuid");
            args.add(target.id());
        }
        for (var e : where.entrySet()) {
            sql.append(" and ").append(e.getKey()).append(e.getValue() == null ? " is null" : " = " + cast(table, e.getKey()));
            if (e.getValue() != null) {
                args.add(e.getValue());
            }
        }
        sql.append(" order by ").append(key).append(" limit ").append(MAX_ROWS);
        List<Map<String, @Nullable Object>> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                bind(ps, i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    Map<String, @Nullable Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        String name = md.getColumnName(i);
                        if (table.schema().columns().containsKey(name)) {
                            Object v = rs.getObject(i);
                            row.put(name, v instanceof OffsetDateTime o ? o.toInstant() : v instanceof java.sql.Timestamp ts ? ts.toInstant() : v);
                        }
                    }
                    out.add(row);
                }
            }
        }
        return out;
    }

    /** The row an INSERT would write: the given values, plus the column defaults the evaluator can know (constants, the tenant key). */
    private Map<String, @Nullable Object> insertRow(Connection c, TenantTables.Table table, Project target, @Nullable Project principalProject,
            Map<String, @Nullable Object> set) throws SQLException {
        Map<String, @Nullable Object> row = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select a.attname, pg_get_expr(d.adbin, d.adrelid) from pg_attrdef d
                join pg_attribute a on a.attrelid = d.adrelid and a.attnum = d.adnum where d.adrelid = ?::regclass""")) {
            ps.setString(1, table.schema().qualifiedName());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String col = rs.getString(1);
                    String expr = rs.getString(2);
                    if (!table.schema().columns().containsKey(col)) {
                        continue;
                    }
                    if (expr.contains("current_tenant_id()")) {
                        row.put(col, principalProject == null ? null : principalProject.id());
                    } else if (expr.matches("'[^']*'::[a-z ]+")) {
                        row.put(col, Values.coerce(expr.substring(1, expr.indexOf("'::")), table.schema().columns().get(col)));
                    } else if (expr.equals("gen_random_uuid()")) {
                        row.put(col, UUID.randomUUID());
                    } else if (expr.equals("now()")) {
                        row.put(col, clock.instant());
                    }
                }
            }
        }
        row.putAll(set);
        return row;
    }

    private static String commandSql(Request req, TenantTables.Table table, Project target, String key, Map<String, @Nullable Object> set,
            Map<String, @Nullable Object> where) {
        String t = table.schema().qualifiedName();
        String filter = (target.isolation() == IsolationModel.SHARED ? " where tenant_id = '" + target.id() + "'" : " where true")
                + String.join("", where.entrySet().stream().map(e -> " and " + e.getKey() + (e.getValue() == null ? " is null" : " = '" + e.getValue() + "'"))
                        .toList());
        String assignments = String.join(", ", set.entrySet().stream().map(e -> e.getKey() + " = " + (e.getValue() == null ? "null" : "'" + e.getValue() + "'"))
                .toList());
        return switch (req.command()) {
            case SELECT -> "select " + key + " from " + t + filter;
            case UPDATE -> "update " + t + " set " + assignments + filter + " returning " + key;
            case DELETE -> "delete from " + t + filter + " returning " + key;
            case INSERT -> "insert into " + t + " (" + String.join(", ", set.keySet()) + ") values ("
                    + String.join(", ", set.values().stream().map(v -> v == null ? "null" : "'" + v + "'").toList()) + ")";
        };
    }

    private static List<String> run(Connection c, Request req, TenantTables.Table table, Project target, String key, Map<String, @Nullable Object> set,
            Map<String, @Nullable Object> where, List<Map<String, @Nullable Object>> candidates) throws SQLException {
        String t = table.schema().qualifiedName();
        if (req.command() == Command.INSERT) {
            List<String> cols = new ArrayList<>(candidates.get(0).keySet());
            cols.retainAll(set.keySet());
            Map<String, @Nullable Object> row = candidates.get(0);
            List<String> all = new ArrayList<>(set.keySet());
            if (!all.contains(key) && row.get(key) != null) {
                all.add(0, key);
            }
            try (PreparedStatement ps = c.prepareStatement("insert into " + t + " (" + String.join(", ", all) + ") values ("
                    + String.join(", ", all.stream().map(col -> cast(table, col)).toList()) + ")")) {
                for (int i = 0; i < all.size(); i++) {
                    bind(ps, i + 1, row.get(all.get(i)));
                }
                ps.executeUpdate();
            }
            return List.of(String.valueOf(row.get(key)));
        }
        Set<String> keys = new LinkedHashSet<>();
        candidates.forEach(r -> keys.add(String.valueOf(r.get(key))));
        StringBuilder sql = new StringBuilder(switch (req.command()) {
            case SELECT -> "select " + key + " from " + t;
            case UPDATE -> "update " + t + " set " + String.join(", ", set.keySet().stream().map(col -> col + " = " + cast(table, col)).toList());
            default -> "delete from " + t;
        });
        List<@Nullable Object> args = new ArrayList<>(req.command() == Command.UPDATE ? set.values() : List.of());
        sql.append(" where ").append(key).append(" = any(?::").append(table.pgTypes().getOrDefault(key, "text")).append("[])");
        for (var e : where.entrySet()) {
            sql.append(" and ").append(e.getKey()).append(e.getValue() == null ? " is null" : " = " + cast(table, e.getKey()));
            if (e.getValue() != null) {
                args.add(e.getValue());
            }
        }
        if (req.command() != Command.SELECT) {
            sql.append(" returning ").append(key);
        }
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            int setCount = req.command() == Command.UPDATE ? set.size() : 0;
            for (int k = 0; k < setCount; k++) {
                bind(ps, i++, args.get(k));
            }
            ps.setArray(i++, c.createArrayOf("text", keys.toArray()));
            for (int k = setCount; k < args.size(); k++) {
                bind(ps, i++, args.get(k));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
