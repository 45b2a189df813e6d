package io.sextant.platform.changes.internal;

import io.sextant.platform.changes.AdvisorResult;
import io.sextant.platform.changes.ChangeTarget;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a target after a change. Fail closed: a check that cannot run (connection refused,
 * permission denied, a catalog query error) yields ERROR with the reason, never "no findings".
 */
final class PostApplyAdvisors {

    private PostApplyAdvisors() {
    }

    static List<AdvisorResult> run(ChangeTarget target) {
        List<AdvisorResult> out = new ArrayList<>();
        try (Connection c = LiveSession.open(target.endpoint())) {
            out.add(check(c, "rls-on-exposed-tables", target.exposedSchemas(), """
                    select n.nspname || '.' || c.relname || case when not c.relrowsecurity then ': row level security is disabled'
                           else ': row level security has no policy' end
                    from pg_class c join pg_namespace n on n.oid = c.relnamespace
                    where n.nspname = any(?) and c.relkind in ('r', 'p')
                      and (not c.relrowsecurity or not exists (select 1 from pg_policy p where p.polrelid = c.oid))
                    order by 1"""));
            out.add(check(c, "foreign-keys-indexed", target.schemas(), """
                    select n.nspname || '.' || c.relname || ': foreign key ' || k.conname || ' has no index starting with its columns'
                    from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
                    where n.nspname = any(?) and k.contype = 'f'
                      and not exists (select 1 from pg_index i where i.indrelid = k.conrelid
                                      and (i.indkey::int2[])[0:array_length(k.conkey, 1) - 1] @> k.conkey
                                      and (i.indkey::int2[])[0:array_length(k.conkey, 1) - 1] <@ k.conkey)
                    order by 1"""));
            out.add(check(c, "primary-keys", target.schemas(), """
                    select n.nspname || '.' || c.relname || ': no primary key'
                    from pg_class c join pg_namespace n on n.oid = c.relnamespace
                    where n.nspname = any(?) and c.relkind in ('r', 'p') and not c.relispartition
                      and not exists (select 1 from pg_constraint k where k.conrelid = c.oid and k.contype = 'p')
                    order by 1"""));
        } catch (SQLException e) {
            for (String check : List.of("rls-on-exposed-tables", "foreign-keys-indexed", "primary-keys")) {
                if (out.stream().noneMatch(r -> r.check().equals(check))) {
                    out.add(new AdvisorResult(check, AdvisorResult.Status.ERROR, List.of(), "cannot reach the target: " + e.getMessage()));
                }
            }
        }
        return out;
    }

    static AdvisorResult check(Connection c, String name, List<String> schemas, String sql) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("text", schemas.toArray()));
            List<String> findings = new ArrayList<>();
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    findings.add(r.getString(1));
                }
            }
            return new AdvisorResult(name, findings.isEmpty() ? AdvisorResult.Status.PASSED : AdvisorResult.Status.FINDINGS, findings, null);
        } catch (SQLException e) {
            return new AdvisorResult(name, AdvisorResult.Status.ERROR, List.of(), e.getMessage());
        }
    }
}
