package io.sextant.platform.changes.internal;

import io.sextant.platform.changes.LintReport;
import io.sextant.platform.changes.SqlStatement;
import io.sextant.platform.changes.StatementSplitter;
import io.sextant.platform.changes.SuggestionProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The deterministic default: the rewrites of D006's "safe rewrite" column, applied mechanically —
 * CONCURRENTLY for index builds and drops, NOT VALID + VALIDATE for constraints, SET NOT NULL
 * through a validated CHECK, bigint for int, and a lock_timeout in front.
 */
@Component
@Order(0)
class RuleBasedSuggestionProvider implements SuggestionProvider {

    private static final String N = "((?:\"[^\"]+\"|[\\w$]+)(?:\\.(?:\"[^\"]+\"|[\\w$]+))?)";
    private static final int F = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
    private static final Pattern CREATE_INDEX = Pattern.compile("(create\\s+(?:unique\\s+)?index)\\s+(?!concurrently)(.*)", F);
    private static final Pattern DROP_INDEX = Pattern.compile("drop\\s+index\\s+(?!concurrently)(?:if\\s+exists\\s+)?(.*)", F);
    private static final Pattern ADD_CONSTRAINT = Pattern.compile("alter\\s+table\\s+(?:only\\s+)?" + N + "\\s+add\\s+constraint\\s+" + N
            + "\\s+((?:foreign\\s+key|check)\\b(?:(?!\\bnot\\s+valid\\b)[^,])*)", F);
    private static final Pattern SET_NOT_NULL = Pattern.compile("alter\\s+table\\s+(?:only\\s+)?" + N + "\\s+alter\\s+(?:column\\s+)?"
            + N + "\\s+set\\s+not\\s+null", F);
    private static final Pattern INT = Pattern.compile("\\b(int|integer|int4)\\b(?!\\s*\\[)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SERIAL = Pattern.compile("\\bserial\\b", Pattern.CASE_INSENSITIVE);

    @Override
    public String model() {
        return "rules/" + io.sextant.platform.changes.MigrationLinter.ENGINE_VERSION;
    }

    @Override
    public String name() {
        return "rules";
    }

    @Override
    public Optional<SuggestedRewrite> suggest(String forwardSql, LintReport lint) {
        List<String> out = new ArrayList<>();
        List<String> why = new ArrayList<>();
        boolean hasTimeout = false;
        for (SqlStatement st : StatementSplitter.split(forwardSql)) {
            String s = st.text().strip();
            String lower = s.toLowerCase(java.util.Locale.ROOT);
            hasTimeout |= lower.startsWith("set lock_timeout") || lower.startsWith("set local lock_timeout");
            Matcher m;
            if ((m = CREATE_INDEX.matcher(s)).matches()) {
                out.add(m.group(1) + " concurrently " + m.group(2));
                why.add("statement " + (st.index() + 1) + ": build the index CONCURRENTLY (SHARE UPDATE EXCLUSIVE instead of SHARE: writes continue)");
            } else if ((m = DROP_INDEX.matcher(s)).matches()) {
                out.add("drop index concurrently if exists " + m.group(1));
                why.add("statement " + (st.index() + 1) + ": drop the index CONCURRENTLY (no ACCESS EXCLUSIVE on the table)");
            } else if ((m = ADD_CONSTRAINT.matcher(s)).matches()) {
                out.add("alter table " + m.group(1) + " add constraint " + m.group(2) + " " + m.group(3).strip() + " not valid");
                out.add("alter table " + m.group(1) + " validate constraint " + m.group(2));
                why.add("statement " + (st.index() + 1) + ": add the constraint NOT VALID (brief lock), then VALIDATE (SHARE UPDATE EXCLUSIVE, writes continue)");
            } else if ((m = SET_NOT_NULL.matcher(s)).matches()) {
                String check = (m.group(1).replaceAll(".*\\.", "") + "_" + m.group(2) + "_not_null").replace("\"", "");
                out.add("alter table " + m.group(1) + " add constraint " + check + " check (" + m.group(2) + " is not null) not valid");
                out.add("alter table " + m.group(1) + " validate constraint " + check);
                out.add("alter table " + m.group(1) + " alter column " + m.group(2) + " set not null");
                out.add("alter table " + m.group(1) + " drop constraint " + check);
                why.add("statement " + (st.index() + 1) + ": SET NOT NULL through a validated CHECK, so PostgreSQL skips the full scan under ACCESS EXCLUSIVE");
            } else if ((lower.startsWith("create table") || lower.matches("(?s)alter\\s+table.*\\badd\\s+(column\\s+)?.*"))
                    && (INT.matcher(s).find() || SERIAL.matcher(s).find())) {
                out.add(SERIAL.matcher(INT.matcher(s).replaceAll("bigint")).replaceAll("bigserial"));
                why.add("statement " + (st.index() + 1) + ": bigint instead of int (int ids run out at 2^31; widening later rewrites the table)");
            } else {
                out.add(s);
            }
        }
        if (!hasTimeout && !why.isEmpty()) {
            out.addFirst("set lock_timeout = '2s'");
            why.add("a lock_timeout, so a blocked statement fails fast instead of queueing every other session behind it");
        }
        if (why.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SuggestedRewrite(String.join(";\n", out) + ";\n", String.join("\n", why)));
    }
}
