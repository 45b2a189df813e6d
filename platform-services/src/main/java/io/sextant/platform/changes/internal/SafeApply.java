package io.sextant.platform.changes.internal;

import io.sextant.platform.changes.ChangeTarget;
import io.sextant.platform.changes.SqlStatement;
import io.sextant.platform.changes.StatementFailure;
import io.sextant.platform.changes.StatementSplitter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a change on the live target: consecutive transactional statements as one transaction,
 * CONCURRENTLY statements alone in autocommit. Each unit gets a short lock_timeout, so it fails
 * fast instead of queueing every other session behind it, and is retried with exponential
 * back-off on SQLSTATE 55P03. Before each attempt of CREATE INDEX CONCURRENTLY a leftover INVALID
 * index of that name (from an earlier failed build) is dropped, or the retry would fail with
 * "already exists".
 */
final class SafeApply {

    private static final Logger log = LoggerFactory.getLogger(SafeApply.class);
    private static final Pattern CIC = Pattern.compile(
            "create\\s+(?:unique\\s+)?index\\s+concurrently\\s+(?:if\\s+not\\s+exists\\s+)?((?:\"[^\"]+\"|[\\w$]+)(?:\\.(?:\"[^\"]+\"|[\\w$]+))?)\\s+on\\s+(?:only\\s+)?((?:\"[^\"]+\"|[\\w$]+)(?:\\.(?:\"[^\"]+\"|[\\w$]+))?)",
            Pattern.CASE_INSENSITIVE);

    record Settings(Duration lockTimeout, Duration statementTimeout, int maxAttempts, Duration firstBackoff) {
    }

    record Result(int attempts, @Nullable StatementFailure failure, List<String> log) {
    }

    private SafeApply() {
    }

    static Result run(ChangeTarget target, String script, Settings settings) {
        List<SqlStatement> statements = StatementSplitter.split(script);
        List<List<SqlStatement>> units = new ArrayList<>();
        for (SqlStatement s : statements) {
            if (Failures.nonTransactional(s.text()) || units.isEmpty() || Failures.nonTransactional(units.getLast().getFirst().text())) {
                units.add(new ArrayList<>());
            }
            units.getLast().add(s);
        }
        int attempts = 0;
        List<String> events = new ArrayList<>();
        try (Connection c = SearchPath.set(LiveSession.openForApply(target.endpoint()), target)) {
            try (Statement st = c.createStatement()) {
                st.execute("set lock_timeout = " + settings.lockTimeout().toMillis());
                st.execute("set statement_timeout = " + settings.statementTimeout().toMillis());
            }
            for (List<SqlStatement> unit : units) {
                boolean concurrent = Failures.nonTransactional(unit.getFirst().text());
                Duration backoff = settings.firstBackoff();
                for (int attempt = 1; ; attempt++) {
                    attempts++;
                    SqlStatement current = unit.getFirst();
                    try {
                        if (concurrent) {
                            c.setAutoCommit(true);
                            dropLeftoverInvalidIndex(c, current.text(), events);
                            exec(c, current.text());
                        } else {
                            c.setAutoCommit(false);
                            for (SqlStatement s : unit) {
                                current = s;
                                exec(c, s.text());
                            }
                            c.commit();
                        }
                        break;
                    } catch (SQLException e) {
                        if (!c.getAutoCommit()) {
                            c.rollback();
                        }
                        if ("55P03".equals(e.getSQLState()) && attempt < settings.maxAttempts()) {
                            events.add("lock timeout on statement " + (current.index() + 1) + ", attempt " + attempt + "; retrying in " + backoff.toMillis() + " ms");
                            log.warn("Change apply: lock timeout on statement {}, retry {} in {} ms", current.index() + 1, attempt, backoff.toMillis());
                            sleep(backoff);
                            backoff = backoff.multipliedBy(2);
                            continue;
                        }
                        return new Result(attempts, Failures.of(current, script, e), events);
                    }
                }
            }
            return new Result(attempts, null, events);
        } catch (SQLException e) {
            return new Result(attempts, new StatementFailure(-1, "", e.getSQLState() == null ? "" : e.getSQLState(),
                    "cannot reach the target: " + e.getMessage(), null, 1, 1), events);
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    static void dropLeftoverInvalidIndex(Connection c, String sql, List<String> events) throws SQLException {
        Matcher m = CIC.matcher(sql.strip());
        if (!m.lookingAt()) {
            return;
        }
        String index = m.group(1);
        String table = m.group(2);
        String qualified = index.contains(".") || !table.contains(".") ? index : table.substring(0, table.lastIndexOf('.')) + "." + index;
        try (PreparedStatement ps = c.prepareStatement("""
                select 1 from pg_index i where i.indexrelid = to_regclass(?) and not i.indisvalid""")) {
            ps.setString(1, qualified);
            try (ResultSet r = ps.executeQuery()) {
                if (!r.next()) {
                    return;
                }
            }
        }
        exec(c, "drop index concurrently if exists " + qualified);
        events.add("dropped leftover INVALID index " + qualified + " before building it again");
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
