package io.sextant.platform.changes.internal;

import io.sextant.platform.changes.Severity;

/** Row-level security, policies, grants, privileged roles and SECURITY DEFINER functions. */
final class SecurityRules {

    private SecurityRules() {
    }

    static void check(Statement s, LintContext ctx) {
        AlterTable at = AlterTable.parse(s);
        if (at != null) {
            for (AlterTable.Action a : at.actions()) {
                int rls = at.find(a, "row", "level", "security");
                if (rls < 0) continue;
                String verb = s.source(a.from(), rls - 1).toLowerCase(java.util.Locale.ROOT);
                boolean weakens = verb.startsWith("disable") || verb.startsWith("no force");
                ctx.report(Rules.ROW_LEVEL_SECURITY_CHANGE, weakens ? Severity.ERROR : Severity.WARNING, s, a.from(),
                        at.lockDescription(),
                        weakens ? verb.toUpperCase(java.util.Locale.ROOT) + " ROW LEVEL SECURITY on " + at.table()
                                + " lets " + (verb.startsWith("disable") ? "every role with table privileges" : "the table owner")
                                + " see and change all tenants' rows."
                                : verb.toUpperCase(java.util.Locale.ROOT) + " ROW LEVEL SECURITY on " + at.table()
                                + " changes who sees which rows; without a policy for a role it sees nothing.",
                        weakens ? "Keep RLS enabled and forced; change the policies instead, reviewed by a security admin."
                                : "Create the policies in the same migration, and check them with the policy simulator.");
            }
        }
        if (s.startsWith("create", "policy") || s.startsWith("alter", "policy") || s.startsWith("drop", "policy")) {
            boolean permissiveTrue = hasUsingTrue(s);
            ctx.report(Rules.POLICY_CHANGE, permissiveTrue ? Severity.ERROR : Severity.WARNING, s, 0, Locks.describe(s),
                    (permissiveTrue ? "USING (true) makes the policy admit every row: tenant isolation is off for its roles. "
                            : "") + "Policies decide which tenant's rows a role can see or change; a mistake leaks or hides data.",
                    "Generate the policy from a policy template and review the simulator's decision diff before applying.");
        }
        if (s.startsWith("grant") || s.startsWith("revoke")) {
            boolean toPublic = s.contains("public") && (s.contains("to", "public") || s.contains("from", "public"))
                    && s.startsWith("grant");
            ctx.report(Rules.GRANT_CHANGE, toPublic ? Severity.ERROR : Severity.WARNING, s, 0,
                    "none on tables (updates the catalog's access lists)",
                    (toPublic ? "Granting to PUBLIC gives the privilege to every role, including every tenant's. "
                            : "") + "Grants decide which roles reach which objects at all, before row-level security applies.",
                    "Grant the least privilege to a named role; keep the runtime role without ownership, SUPERUSER or BYPASSRLS.");
        }
        boolean role = s.startsWith("create", "role") || s.startsWith("alter", "role") || s.startsWith("create", "user")
                || s.startsWith("alter", "user");
        if (role) {
            int sup = s.find(0, "superuser");
            int bypass = s.find(0, "bypassrls");
            if (sup >= 0 || bypass >= 0) {
                ctx.report(Rules.PRIVILEGED_ROLE, s, Math.max(sup, bypass), "none",
                        "A SUPERUSER or BYPASSRLS role ignores row-level security: every tenant's data is open to it, and a "
                                + "leaked credential for it is a full breach.",
                        "Use a role with NOSUPERUSER NOBYPASSRLS and only the grants it needs; administrative work runs as "
                                + "the migration owner, never as a runtime role.");
            }
        }
        boolean routine = s.startsWith("create") && (s.contains("function") || s.contains("procedure"))
                || s.startsWith("alter", "function") || s.startsWith("alter", "procedure");
        if (routine && s.contains("security", "definer") && !s.contains("set", "search_path")) {
            ctx.report(Rules.SECURITY_DEFINER_SEARCH_PATH, s, s.find(0, "security", "definer"), "none",
                    "A SECURITY DEFINER function runs with its owner's privileges but resolves names through the caller's "
                            + "search_path: a caller who can create objects earlier in the path can hijack it.",
                    "Add SET search_path = pg_catalog, pg_temp (and schema-qualify every name in the body), and REVOKE "
                            + "EXECUTE FROM PUBLIC.");
        }
    }

    private static boolean hasUsingTrue(Statement s) {
        for (int i = 0; i + 3 < s.size(); i++) {
            if ((s.word(i).equals("using") || s.wordsAt(i, "with", "check")) && s.token(i + (s.word(i).equals("using") ? 1 : 2)).isPunct("(")
                    && s.word(i + (s.word(i).equals("using") ? 2 : 3)).equals("true")) {
                return true;
            }
        }
        return false;
    }
}
