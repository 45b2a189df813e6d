package io.sextant.platform.changes.internal;

import io.sextant.database.ThrowawayClusters;
import io.sextant.platform.changes.ChangeRefusedException;
import io.sextant.platform.changes.SqlStatement;
import io.sextant.platform.changes.StatementFailure;
import io.sextant.platform.changes.StatementSplitter;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Lets PostgreSQL itself say whether a script parses (D006 rules out a grammar of our own): each
 * statement is sent, in a transaction that is always rolled back, with short timeouts and
 * {@code check_function_bodies = on}, to an empty database on a throwaway server of its own, as a
 * NOSUPERUSER role that owns nothing there. PostgreSQL parses a statement whole before it runs
 * any of it, so a syntax error ({@code 42601}) comes back with its position; any other error (an
 * unknown table in the empty database) means the statement parsed. The server is started on first
 * use and kept for later submits, since nothing a statement does there outlives its rollback
 * (statements that cannot run in a transaction block are refused by PostgreSQL after parsing).
 */
@Component
class SyntaxChecker {

    static final String SYNTAX_ERROR = "42601";
    private static final String ROLE = "sextant_parse";

    private final ShadowServers servers;
    private ThrowawayClusters.@Nullable Cluster server;
    private String password = "";

    SyntaxChecker(ShadowServers servers) {
        this.servers = servers;
    }

    /** The statements of {@code script} that PostgreSQL cannot parse, positioned in the script; empty when all parse. */
    List<StatementFailure> check(String script) {
        List<StatementFailure> out = new ArrayList<>();
        List<SqlStatement> statements = StatementSplitter.split(script);
        if (statements.isEmpty()) {
            return out;
        }
        try (Connection c = connect(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            for (SqlStatement s : statements) {
                try {
                    st.execute("set local statement_timeout = '2s'; set local lock_timeout = '200ms'; "
                            + "set local check_function_bodies = on");
                    st.execute(s.text());
                } catch (SQLException e) {
                    if (SYNTAX_ERROR.equals(e.getSQLState())) {
                        out.add(Failures.of(s, script, e));
                    }
                } finally {
                    c.rollback();
                }
            }
        } catch (SQLException e) {
            throw new ChangeRefusedException("syntax-check-unavailable", "Cannot check the syntax right now: " + e.getMessage());
        }
        return out;
    }

    private synchronized Connection connect() throws SQLException {
        ThrowawayClusters.Cluster server = servers.parser();
        if (server != this.server) {
            this.server = server;
            byte[] b = new byte[18];
            new SecureRandom().nextBytes(b);
            password = HexFormat.of().formatHex(b);
            try (Connection c = server.superuser("postgres").getConnection(); Statement st = c.createStatement()) {
                st.execute("create role " + ROLE + " login nosuperuser nocreatedb nocreaterole nobypassrls password '" + password + "'");
                st.execute("create database parse owner " + ROLE + " template template0");
            } catch (SQLException e) {
                servers.parserDied(server);
                throw e;
            }
        }
        try {
            return DriverManager.getConnection(server.jdbcUrl("parse"), ROLE, password);
        } catch (SQLException e) {
            servers.parserDied(server); // the next call starts another
            throw e;
        }
    }
}
