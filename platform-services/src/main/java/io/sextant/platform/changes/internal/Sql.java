package io.sextant.platform.changes.internal;

import java.util.regex.Pattern;

/** Identifier quoting as PostgreSQL's {@code quote_ident} does it, so catalog-built DDL reads like hand-written DDL. */
public final class Sql {

    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");

    private Sql() {
    }

    public static String ident(String name) {
        if (PLAIN.matcher(name).matches() && !Keywords.isReserved(name)) {
            return name;
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    public static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** Keywords that must be quoted as identifiers; a short list is enough for catalog output (a wrong guess only adds quotes). */
    static final class Keywords {
        private static final java.util.Set<String> RESERVED = java.util.Set.of("user", "order", "group", "table", "select",
                "from", "where", "to", "default", "check", "column", "constraint", "primary", "references", "limit", "offset",
                "all", "and", "or", "not", "null", "true", "false", "desc", "asc", "end", "case", "when", "then", "else",
                "grant", "with", "union", "using", "on", "in", "is", "as", "create", "analyse", "analyze", "unique", "foreign");

        static boolean isReserved(String name) {
            return RESERVED.contains(name);
        }
    }
}
