package io.sextant.platform.changes.internal;

import io.sextant.platform.changes.LintRule;
import io.sextant.platform.changes.Severity;
import java.util.Arrays;
import java.util.List;

/** The catalogue of rules: ids, default severities and what a finding says about the whole change. */
public enum Rules {
    REQUIRE_CONCURRENT_INDEX_CREATION("require-concurrent-index-creation", Severity.ERROR, "", "CREATE INDEX without CONCURRENTLY blocks writes for the whole build"),
    REQUIRE_CONCURRENT_INDEX_DELETION("require-concurrent-index-deletion", Severity.ERROR, "", "DROP INDEX without CONCURRENTLY takes ACCESS EXCLUSIVE on the table"),
    BAN_CONCURRENT_INDEX_IN_TRANSACTION("ban-concurrent-index-creation-in-transaction", Severity.ERROR, "", "CONCURRENTLY cannot run inside a transaction block"),
    CONSTRAINT_MISSING_NOT_VALID("constraint-missing-not-valid", Severity.ERROR, "", "CHECK or FOREIGN KEY added without NOT VALID scans the table under lock"),
    ADDING_FOREIGN_KEY("adding-foreign-key-constraint", Severity.WARNING, "", "a foreign key locks both tables against writes while it is added"),
    DISALLOWED_UNIQUE_CONSTRAINT("disallowed-unique-constraint", Severity.ERROR, "", "UNIQUE constraint built under ACCESS EXCLUSIVE instead of USING INDEX"),
    ADDING_PRIMARY_KEY("adding-primary-key-constraint", Severity.ERROR, "", "PRIMARY KEY built under ACCESS EXCLUSIVE instead of USING INDEX"),
    ADDING_NOT_NULLABLE_FIELD("adding-not-nullable-field", Severity.ERROR, "", "SET NOT NULL scans the table under ACCESS EXCLUSIVE"),
    ADDING_REQUIRED_FIELD("adding-required-field", Severity.ERROR, "b", "a NOT NULL column without a default fails on a populated table"),
    ADDING_FIELD_WITH_DEFAULT("adding-field-with-default", Severity.ERROR, "", "a volatile default or stored generated column rewrites the table"),
    BAN_DROP_NOT_NULL("ban-drop-not-null", Severity.WARNING, "b", "dropping NOT NULL breaks readers that rely on it"),
    CHANGING_COLUMN_TYPE("changing-column-type", Severity.ERROR, "b", "most type changes rewrite the table under ACCESS EXCLUSIVE"),
    RENAMING_COLUMN("renaming-column", Severity.ERROR, "b", "renaming a column breaks running clients"),
    RENAMING_TABLE("renaming-table", Severity.ERROR, "b", "renaming a table breaks running clients"),
    BAN_DROP_COLUMN("ban-drop-column", Severity.ERROR, "db", "dropping a column loses data and breaks clients"),
    BAN_DROP_TABLE("ban-drop-table", Severity.ERROR, "db", "dropping a table loses data and breaks clients"),
    BAN_DROP_DATABASE("ban-drop-database", Severity.ERROR, "db", "dropping a database loses everything in it"),
    BAN_TRUNCATE_CASCADE("ban-truncate-cascade", Severity.ERROR, "d", "TRUNCATE CASCADE empties every referencing table too"),
    BAN_TRUNCATE("ban-truncate", Severity.WARNING, "d", "TRUNCATE deletes all rows under ACCESS EXCLUSIVE"),
    REQUIRE_TIMEOUT_SETTINGS("require-timeout-settings", Severity.WARNING, "", "locking DDL without lock_timeout and statement_timeout"),
    TRANSACTION_NESTING("transaction-nesting", Severity.ERROR, "", "BEGIN/COMMIT inside a migration that already runs in a transaction"),
    BAN_UNCOMMITTED_TRANSACTION("ban-uncommitted-transaction", Severity.ERROR, "", "BEGIN without a matching COMMIT"),
    PREFER_BIGINT_OVER_INT("prefer-bigint-over-int", Severity.WARNING, "", "32-bit integer columns run out"),
    PREFER_BIGINT_OVER_SMALLINT("prefer-bigint-over-smallint", Severity.WARNING, "", "16-bit integer columns run out"),
    PREFER_IDENTITY("prefer-identity", Severity.WARNING, "", "serial types instead of identity columns"),
    PREFER_TEXT_FIELD("prefer-text-field", Severity.WARNING, "", "varchar(n) instead of text with a CHECK"),
    PREFER_TIMESTAMPTZ("prefer-timestamptz", Severity.WARNING, "", "timestamp without time zone"),
    PREFER_JSONB("prefer-jsonb", Severity.WARNING, "", "json instead of jsonb"),
    BAN_CHAR_FIELD("ban-char-field", Severity.WARNING, "", "char(n) pads with blanks"),
    PREFER_ROBUST_STMTS("prefer-robust-stmts", Severity.INFO, "", "DDL outside a transaction that cannot be re-run after a partial failure"),
    ROW_LEVEL_SECURITY_CHANGE("row-level-security-change", Severity.WARNING, "s", "row-level security enabled, disabled or forced"),
    POLICY_CHANGE("policy-change", Severity.WARNING, "s", "row-level security policy created, altered or dropped"),
    GRANT_CHANGE("grant-change", Severity.WARNING, "s", "privileges granted or revoked"),
    PRIVILEGED_ROLE("privileged-role", Severity.ERROR, "s", "role created or altered with SUPERUSER or BYPASSRLS"),
    SECURITY_DEFINER_SEARCH_PATH("security-definer-search-path", Severity.ERROR, "s", "SECURITY DEFINER function without a fixed search_path"),
    UNKNOWN_TABLE("unknown-table", Severity.WARNING, "", "a relation that exists neither in the target, nor earlier in the change, nor in a change queued before it (at submit, where the target's tables are known)"),
    SERVER_WIDE_EFFECT("server-wide-effect", Severity.ERROR, "s", "roles, role membership, ALTER SYSTEM, databases, tablespaces, COPY … PROGRAM or files, large objects, untrusted languages, links to other servers: effects beyond the target database");

    private final LintRule rule;

    Rules(String id, Severity severity, String flags, String summary) {
        this.rule = new LintRule(id, severity, flags.contains("d"), flags.contains("b"), flags.contains("s"), summary);
    }

    public LintRule rule() {
        return rule;
    }

    public String id() {
        return rule.id();
    }

    public static List<LintRule> all() {
        return Arrays.stream(values()).map(Rules::rule).toList();
    }
}
