package io.sextant.platform.authz;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A policy compiled to row-level security: the statements to run (in order) and each generated
 * PostgreSQL policy with the rule it came from.
 */
public record CompiledRls(String policyHash, List<String> statements, List<RlsPolicy> policies) {

    /** One {@code CREATE POLICY}: permissive for a permit rule, restrictive for a forbid rule. */
    public record RlsPolicy(String name, String table, String command, boolean permissive, String role, @Nullable String using,
            @Nullable String withCheck, String ruleName) {

        public String createStatement() {
            return "create policy " + PolicyCompiler.quoteIdent(name) + " on " + table + " as " + (permissive ? "permissive" : "restrictive")
                    + " for " + command + " to " + role + (using == null ? "" : " using (" + using + ")")
                    + (withCheck == null ? "" : " with check (" + withCheck + ")");
        }

        public String dropStatement() {
            return "drop policy if exists " + PolicyCompiler.quoteIdent(name) + " on " + table;
        }
    }

    /** Statements that remove exactly these policies (for a rollback or before installing another version). */
    public List<String> dropStatements() {
        return policies.stream().map(RlsPolicy::dropStatement).toList();
    }
}
