package io.sextant.platform.changes;

import io.sextant.platform.changes.internal.LintEngine;
import io.sextant.platform.changes.internal.Rules;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Static, PostgreSQL-aware lint of migration scripts: a pure function of the script and its
 * options, with no database. Analysis is token-based (see docs/decisions/D006-migration-lint.md):
 * strings, quoted identifiers and comments can never trigger a rule. Usable as a Spring bean or
 * with {@code new MigrationLinter()}; thread-safe.
 */
@Service
public class MigrationLinter {

    /** Changes whenever a rule's behaviour changes, so recorded lint results can be replayed against it. */
    public static final String ENGINE_VERSION = "lint-1";

    /**
     * Lints a script that runs outside a transaction unless it opens one itself.
     *
     * @param source a name for the report (usually the file name)
     * @param sql    the whole script
     */
    public LintReport lint(String source, String sql) {
        return lint(source, sql, false);
    }

    /**
     * Lints a script.
     *
     * @param assumeInTransaction the migration tool wraps the script in a transaction (Flyway's default):
     *                            BEGIN/COMMIT inside it and CONCURRENTLY are then findings
     */
    public LintReport lint(String source, String sql, boolean assumeInTransaction) {
        return LintEngine.lint(source, sql, assumeInTransaction);
    }

    /**
     * Lints a script against what the target holds: besides every static rule, {@code unknown-table}
     * judges each relation a statement names against {@code known} and what the script creates
     * before it. Still a pure function: {@code known} is read by the caller.
     */
    public LintReport lint(String source, String sql, boolean assumeInTransaction, KnownRelations known) {
        return LintEngine.lint(source, sql, assumeInTransaction, known);
    }

    /** Every rule this engine knows, in reporting order. */
    public List<LintRule> rules() {
        return Rules.all();
    }
}
