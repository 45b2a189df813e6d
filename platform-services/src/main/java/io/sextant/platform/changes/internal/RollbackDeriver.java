package io.sextant.platform.changes.internal;

import io.sextant.platform.changes.SchemaObject;
import io.sextant.platform.changes.SchemaSnapshot;
import io.sextant.platform.changes.SqlStatement;
import io.sextant.platform.changes.StatementSplitter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Derives a rollback statement by statement (in reverse order) from patterns whose inverse is
 * certain; drops of indexes, constraints and policies are undone with their DDL from the live
 * snapshot. Anything else is reported as not derivable or irreversible, never guessed.
 */
public final class RollbackDeriver {

    public record Derivation(@Nullable String sql, List<String> irreversible, List<String> dataLoss) {
    }

    private static final String N = "((?:\"[^\"]+\"|[\\w$]+)(?:\\.(?:\"[^\"]+\"|[\\w$]+))?)";
    private static final int F = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
    private static final Pattern CREATE_INDEX = Pattern.compile("create\\s+(?:unique\\s+)?index\\s+(concurrently\\s+)?(?:if\\s+not\\s+exists\\s+)?" + N + "\\s+on\\s+(?:only\\s+)?" + N + ".*", F);
    private static final Pattern ADD_COLUMN = Pattern.compile("alter\\s+table\\s+(?:if\\s+exists\\s+)?(?:only\\s+)?" + N + "\\s+add\\s+(?!constraint\\b|primary\\b|unique\\b|check\\b|foreign\\b|exclude\\b)(?:column\\s+)?(?:if\\s+not\\s+exists\\s+)?" + N + "\\s+[^,]*", F);
    private static final Pattern ADD_CONSTRAINT = Pattern.compile("alter\\s+table\\s+(?:if\\s+exists\\s+)?(?:only\\s+)?" + N + "\\s+add\\s+constraint\\s+" + N + "\\s+[^,]*", F);
    private static final Pattern CREATE_TABLE = Pattern.compile("create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?" + N + "\\s*\\(.*", F);
    private static final Pattern RLS = Pattern.compile("alter\\s+table\\s+(?:if\\s+exists\\s+)?(?:only\\s+)?" + N + "\\s+(enable|disable|force|no\\s+force)\\s+row\\s+level\\s+security", F);
    private static final Pattern CREATE_POLICY = Pattern.compile("create\\s+policy\\s+" + N + "\\s+on\\s+" + N + ".*", F);
    private static final Pattern GRANT = Pattern.compile("grant\\s+(.+?)\\s+on\\s+(.+?)\\s+to\\s+(.+?)(\\s+with\\s+grant\\s+option)?", F);
    private static final Pattern RENAME_COLUMN = Pattern.compile("alter\\s+table\\s+(?:if\\s+exists\\s+)?(?:only\\s+)?" + N + "\\s+rename\\s+(?:column\\s+)?" + N + "\\s+to\\s+" + N, F);
    private static final Pattern CREATE_VIEW = Pattern.compile("create\\s+(?:or\\s+replace\\s+)?(materialized\\s+)?view\\s+" + N + ".*", F);
    private static final Pattern DROP_OBJECT = Pattern.compile("drop\\s+(index|policy)\\s+(?:concurrently\\s+)?(?:if\\s+exists\\s+)?" + N + "(?:\\s+on\\s+" + N + ")?", F);
    private static final Pattern DROP_CONSTRAINT = Pattern.compile("alter\\s+table\\s+(?:if\\s+exists\\s+)?(?:only\\s+)?" + N + "\\s+drop\\s+constraint\\s+(?:if\\s+exists\\s+)?" + N, F);
    private static final Pattern SET_NOT_NULL = Pattern.compile("alter\\s+table\\s+(?:if\\s+exists\\s+)?(?:only\\s+)?" + N + "\\s+alter\\s+(?:column\\s+)?" + N + "\\s+set\\s+not\\s+null", F);
    private static final Pattern IRREVERSIBLE = Pattern.compile("(drop\\s+(table|schema|sequence|view|materialized\\s+view|function|type)\\b.*"
            + "|alter\\s+table\\s.*\\bdrop\\s+(column\\s+)?(?!constraint)\\S+.*|truncate\\b.*|delete\\s+from\\b.*|update\\s.*"
            + "|alter\\s+table\\s.*\\b(alter\\s+(column\\s+)?\\S+\\s+(set\\s+data\\s+)?type)\\b.*)", F);

    private RollbackDeriver() {
    }

    public static Derivation derive(String forwardSql, SchemaSnapshot live) {
        List<String> undo = new ArrayList<>();
        List<String> irreversible = new ArrayList<>();
        List<String> loss = new ArrayList<>();
        boolean complete = true;
        List<SqlStatement> statements = StatementSplitter.split(forwardSql);
        for (SqlStatement st : statements.reversed()) {
            String s = st.text().strip();
            String lower = s.toLowerCase(Locale.ROOT);
            Matcher m;
            if (lower.startsWith("set ") || lower.startsWith("reset ")) {
                continue;
            } else if ((m = CREATE_INDEX.matcher(s)).matches()) {
                undo.add("drop index " + (m.group(1) != null ? "concurrently " : "") + "if exists " + qualify(m.group(2), m.group(3)));
            } else if ((m = ADD_CONSTRAINT.matcher(s)).matches()) {
                undo.add("alter table " + m.group(1) + " drop constraint " + m.group(2));
            } else if ((m = ADD_COLUMN.matcher(s)).matches()) {
                undo.add("alter table " + m.group(1) + " drop column " + m.group(2));
                loss.add("rolling back drops column " + m.group(2) + " of " + m.group(1) + " with every value written to it since");
            } else if ((m = CREATE_TABLE.matcher(s)).matches()) {
                undo.add("drop table " + m.group(1));
                loss.add("rolling back drops table " + m.group(1) + " with every row written to it since");
            } else if ((m = RLS.matcher(s)).matches()) {
                String action = m.group(2).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
                String inverse = switch (action) {
                    case "enable" -> "disable";
                    case "disable" -> "enable";
                    case "force" -> "no force";
                    default -> "force";
                };
                undo.add("alter table " + m.group(1) + " " + inverse + " row level security");
            } else if ((m = CREATE_POLICY.matcher(s)).matches()) {
                undo.add("drop policy " + m.group(1) + " on " + m.group(2));
            } else if ((m = GRANT.matcher(s)).matches() && !lower.contains(" with admin ")) {
                undo.add("revoke " + m.group(1) + " on " + m.group(2) + " from " + m.group(3));
            } else if ((m = RENAME_COLUMN.matcher(s)).matches()) {
                undo.add("alter table " + m.group(1) + " rename column " + m.group(3) + " to " + m.group(2));
            } else if ((m = SET_NOT_NULL.matcher(s)).matches()) {
                undo.add("alter table " + m.group(1) + " alter column " + m.group(2) + " drop not null");
            } else if ((m = CREATE_VIEW.matcher(s)).matches() && !lower.contains("or replace")) {
                undo.add("drop " + (m.group(1) != null ? "materialized " : "") + "view " + m.group(2));
            } else if ((m = DROP_OBJECT.matcher(s)).matches() && fromSnapshot(live, m.group(1).toLowerCase(Locale.ROOT), m.group(2), m.group(3)) != null) {
                undo.add(fromSnapshot(live, m.group(1).toLowerCase(Locale.ROOT), m.group(2), m.group(3)));
            } else if ((m = DROP_CONSTRAINT.matcher(s)).matches() && constraint(live, m.group(1), m.group(2)) != null) {
                undo.add(constraint(live, m.group(1), m.group(2)));
            } else if (IRREVERSIBLE.matcher(s).matches()) {
                irreversible.add("statement " + (st.index() + 1) + ": " + oneLine(s));
                complete = false;
            } else {
                irreversible.add("statement " + (st.index() + 1) + " (no rollback can be derived; write one): " + oneLine(s));
                complete = false;
            }
        }
        return new Derivation(complete ? String.join(";\n", undo) + ";" : null, irreversible, loss);
    }

    private static String qualify(String index, String table) {
        int dot = table.lastIndexOf('.');
        return index.contains(".") || dot < 0 ? index : table.substring(0, dot) + "." + index;
    }

    private static @Nullable String fromSnapshot(SchemaSnapshot live, String kind, String name, @Nullable String table) {
        String n = name.contains(".") ? name : "public." + name;
        String key = kind.equals("index") ? "index:" + n : "policy:" + (table == null ? "" : (table.contains(".") ? table : "public." + table)) + "." + name;
        SchemaObject o = live.objects().get(key);
        return o == null ? null : o.ddl();
    }

    private static @Nullable String constraint(SchemaSnapshot live, String table, String name) {
        String t = table.contains(".") ? table : "public." + table;
        SchemaObject o = live.objects().get("constraint:" + t + "." + name);
        if (o == null) {
            o = live.objects().get("foreign-key:" + t + "." + name);
        }
        return o == null ? null : o.ddl();
    }

    private static String oneLine(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 120 ? one.substring(0, 117) + "..." : one;
    }
}
