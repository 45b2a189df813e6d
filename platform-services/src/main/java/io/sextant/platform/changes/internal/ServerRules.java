package io.sextant.platform.changes.internal;

import java.util.Locale;
import java.util.Set;

/**
 * Statements whose effect reaches beyond the target database: roles and role membership, server
 * settings, databases, tablespaces, the server's files and programs, large objects, untrusted
 * languages and links to other servers. A schema change never needs them, and each one, once
 * applied, touches every database on the server; so each is an error that a security admin must
 * approve (D008). Checks run them only on a throwaway shadow server, never on the target's.
 */
final class ServerRules {

    /** Functions that read or write the server's files, reach other servers or other sessions, or store data outside row security. */
    static final Set<String> FUNCTIONS = Set.of("lo_import", "lo_export", "lo_create", "lo_creat", "lo_from_bytea", "lo_put",
            "lo_unlink", "lo_open", "lowrite", "pg_read_file", "pg_read_binary_file", "pg_ls_dir", "pg_stat_file",
            "pg_file_write", "dblink", "dblink_exec", "dblink_connect", "pg_terminate_backend", "pg_cancel_backend",
            "pg_reload_conf", "pg_rotate_logfile", "pg_signal_backend");

    /** Extensions and languages that reach the host or other servers. */
    static final Set<String> UNTRUSTED = Set.of("dblink", "postgres_fdw", "file_fdw", "adminpack", "plpython3u", "plpythonu",
            "plperlu", "pltclu", "c", "internal", "lo");

    private ServerRules() {
    }

    static void check(Statement s, LintContext ctx) {
        String what = classify(s);
        if (what != null) {
            report(s, ctx, 0, what);
            return;
        }
        for (int i = 0; i + 1 < s.size(); i++) {
            if (s.token(i).kind() == Token.Kind.WORD && FUNCTIONS.contains(s.word(i)) && s.token(i + 1).isPunct("(")) {
                report(s, ctx, i, "calls " + s.word(i) + "(), which " + (s.word(i).startsWith("lo") ? "stores or reads large objects outside row-level security"
                        : s.word(i).startsWith("dblink") ? "connects to another server" : "acts on the server itself, beyond this database"));
                return;
            }
        }
    }

    private static String classify(Statement s) {
        for (String kind : new String[] {"role", "user", "group"}) {
            if ((s.startsWith("create", kind) || s.startsWith("alter", kind) || s.startsWith("drop", kind))
                    && !(kind.equals("user") && s.wordsAt(1, "user", "mapping"))) {
                return s.word(0) + "s a role, which exists for every database on the server";
            }
        }
        if (s.startsWith("create", "user", "mapping") || s.startsWith("alter", "user", "mapping")) {
            return "stores credentials for another server";
        }
        if ((s.startsWith("grant") || s.startsWith("revoke")) && !s.contains("on")) {
            return "changes role membership, which holds on every database of the server";
        }
        if (s.startsWith("alter", "system")) {
            return "changes the server's configuration for every database";
        }
        if (s.startsWith("create", "database") || s.startsWith("alter", "database") || s.startsWith("drop", "database")) {
            return s.word(0) + "s a database on the server";
        }
        if (s.word(1).equals("tablespace") && Set.of("create", "alter", "drop").contains(s.word(0))) {
            return s.word(0) + "s a tablespace: a directory of the server's host";
        }
        if (s.startsWith("copy") && (s.contains("program") || hasFileName(s))) {
            return s.contains("program") ? "runs a program on the server's host" : "reads or writes a file on the server's host";
        }
        if (s.startsWith("load")) {
            return "loads a shared library into the server";
        }
        if (s.startsWith("create", "server") || s.startsWith("alter", "server") || s.startsWith("create", "foreign", "data", "wrapper")
                || s.startsWith("import", "foreign", "schema")) {
            return "links this database to another server";
        }
        if (s.startsWith("create", "language") || s.startsWith("create", "trusted", "language")
                || s.startsWith("create", "or", "replace", "language") || s.startsWith("create", "procedural", "language")) {
            return "adds a procedural language to the database";
        }
        if (s.startsWith("create", "extension") || s.startsWith("create", "extension", "if", "not", "exists")) {
            int i = s.wordsAt(2, "if", "not", "exists") ? 5 : 2;
            String name = s.nameAt(i).toLowerCase(Locale.ROOT);
            if (UNTRUSTED.contains(name)) {
                return "installs " + name + ", which reaches the server's host or other servers";
            }
        }
        int lang = s.find(0, "language");
        if (s.startsWith("create") && lang > 0 && (s.contains("function") || s.contains("procedure"))) {
            String name = s.token(Math.min(lang + 1, s.size() - 1)).value().toLowerCase(Locale.ROOT);
            if (UNTRUSTED.contains(name)) {
                return "defines a routine in the untrusted language " + name + ", which runs with the server's rights on its host";
            }
        }
        return null;
    }

    /** {@code copy t to '/path'} or {@code from '/path'}: a file of the server's host (stdin/stdout are the client's). */
    private static boolean hasFileName(Statement s) {
        for (String dir : new String[] {"to", "from"}) {
            int i = s.find(1, dir);
            if (i > 0 && i + 1 < s.size() && s.token(i + 1).kind() == Token.Kind.STRING) {
                return true;
            }
        }
        return false;
    }

    private static void report(Statement s, LintContext ctx, int token, String what) {
        ctx.report(Rules.SERVER_WIDE_EFFECT, s, token, "none on tables; effect beyond the target database",
                "This statement " + what + ". A schema change never needs that, and once applied it holds for every "
                        + "database on the server, tenants included.",
                "Do it through the platform's own tooling (tenant lifecycle, operator accounts, server configuration), "
                        + "reviewed on its own; if it must be part of this change, a security admin approves it.");
    }
}
