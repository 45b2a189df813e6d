package io.sextant.platform.changes.internal;

import io.sextant.platform.changes.LintFinding;
import io.sextant.platform.changes.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the linter knows about the script so far (transaction state, timeouts, tables it created)
 * and the findings collected. One per script; not shared between threads.
 */
public final class LintContext {

    private static final String NEW_TABLE = "The table is created earlier in this migration, so it is empty and no "
            + "other session can hold a lock on it; this is harmless here. ";

    final boolean assumeInTransaction;
    boolean explicitTransaction;
    int explicitBeginIndex = -1;
    boolean lockTimeoutSet;
    boolean statementTimeoutSet;
    Severity timeoutReported;
    private final Set<String> createdTables = new HashSet<>();
    private final Set<String> droppedConstraintsIfExists = new HashSet<>();
    private final List<LintFinding> findings = new ArrayList<>();
    private final @Nullable RelationScope relations;

    public LintContext(boolean assumeInTransaction) {
        this(assumeInTransaction, null);
    }

    /** With {@code relations}, the rules that need the target's tables (unknown-table) run too. */
    public LintContext(boolean assumeInTransaction, @Nullable RelationScope relations) {
        this.assumeInTransaction = assumeInTransaction;
        this.relations = relations;
    }

    @Nullable RelationScope relations() {
        return relations;
    }

    public boolean inTransaction() {
        return assumeInTransaction || explicitTransaction;
    }

    void tableCreated(String name) {
        createdTables.add(key(name));
    }

    /** Tables are matched by their last name part: a migration rarely creates two tables of the same name in different schemas. */
    boolean isNewTable(String name) {
        return createdTables.contains(key(name));
    }

    void constraintDroppedIfExists(String name) {
        droppedConstraintsIfExists.add(key(name));
    }

    boolean wasDroppedIfExists(String name) {
        return droppedConstraintsIfExists.contains(key(name));
    }

    private static String key(String name) {
        int dot = name.lastIndexOf('.');
        return (dot < 0 ? name : name.substring(dot + 1)).toLowerCase(Locale.ROOT);
    }

    /** A finding about a statement in general (type choices, security, transactions). */
    void report(Rules rule, Statement s, int tokenIndex, String lock, String why, String rewrite) {
        add(rule, rule.rule().severity(), s, tokenIndex, lock, why, rewrite);
    }

    void report(Rules rule, Severity severity, Statement s, int tokenIndex, String lock, String why, String rewrite) {
        add(rule, severity, s, tokenIndex, lock, why, rewrite);
    }

    /** A finding about a lock or change on {@code table}: only advice if the migration created that table itself. */
    void reportOn(String table, Rules rule, Statement s, int tokenIndex, String lock, String why, String rewrite) {
        if (isNewTable(table)) add(rule, Severity.INFO, s, tokenIndex, lock, NEW_TABLE + why, rewrite);
        else add(rule, rule.rule().severity(), s, tokenIndex, lock, why, rewrite);
    }

    private void add(Rules rule, Severity severity, Statement s, int tokenIndex, String lock, String why, String rewrite) {
        int t = Math.max(0, Math.min(tokenIndex, s.size() - 1));
        findings.add(new LintFinding(rule.id(), severity, s.index(), s.lineOf(t), s.columnOf(t), excerpt(s.text()),
                lock, why, rewrite));
    }

    public List<LintFinding> findings() {
        return findings;
    }

    static String excerpt(String text) {
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() <= 160 ? flat : flat.substring(0, 157) + "...";
    }
}
