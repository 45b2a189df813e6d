package io.sextant.platform.changes.internal;

import io.sextant.platform.changes.SqlStatement;
import io.sextant.platform.changes.StatementMeasurement.ObservedLock;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs one statement on the shadow in a worker session and observes it from a second session.
 * A transactional statement runs inside an explicit transaction, and its locks are read from
 * {@code pg_locks} before COMMIT (they are all still held then); a CONCURRENTLY statement must run
 * in autocommit, so its locks are sampled every few milliseconds while it runs.
 */
final class StatementRunner implements AutoCloseable {

    record Outcome(double millis, Set<ObservedLock> locks, List<String> rewritten, boolean concurrent) {
    }

    private final Connection worker;
    private final LockWatcher watcher;
    private final int pid;
    private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();

    StatementRunner(Connection worker, Connection observer, Duration statementTimeout) throws SQLException {
        this.worker = worker;
        this.watcher = new LockWatcher(observer);
        try (Statement st = worker.createStatement()) {
            st.execute("set statement_timeout = " + statementTimeout.toMillis());
            try (ResultSet r = st.executeQuery("select pg_backend_pid()")) {
                r.next();
                this.pid = r.getInt(1);
            }
        }
    }

    Outcome run(SqlStatement s) throws SQLException {
        Map<String, Long> before = watcher.relfilenodes();
        boolean concurrent = Failures.nonTransactional(s.text());
        Set<ObservedLock> locks = new LinkedHashSet<>();
        long start;
        long end;
        if (concurrent) {
            worker.setAutoCommit(true);
            start = System.nanoTime();
            Future<?> f = pool.submit(() -> {
                try (Statement st = worker.createStatement()) {
                    st.execute(s.text());
                }
                return null;
            });
            while (!f.isDone()) {
                watcher.sample(pid, locks);
                sleep();
            }
            end = System.nanoTime();
            try {
                f.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof SQLException sql) throw sql;
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        } else {
            worker.setAutoCommit(false);
            try (Statement st = worker.createStatement()) {
                start = System.nanoTime();
                st.execute(s.text());
                end = System.nanoTime();
                locks.addAll(watcher.locks(pid));
                worker.commit();
            } catch (SQLException e) {
                worker.rollback();
                throw e;
            }
        }
        Map<String, Long> after = watcher.relfilenodes();
        List<String> rewritten = before.entrySet().stream()
                .filter(e -> after.containsKey(e.getKey()) && !after.get(e.getKey()).equals(e.getValue()))
                .map(e -> e.getKey().substring(e.getKey().indexOf(' ') + 1)).sorted().toList();
        return new Outcome((end - start) / 1e6, locks, rewritten, concurrent);
    }

    /** Runs a statement without observation (calibration and round trips), returning its wall time in ms. */
    double time(SqlStatement s) throws SQLException {
        worker.setAutoCommit(true);
        try (Statement st = worker.createStatement()) {
            long start = System.nanoTime();
            st.execute(s.text());
            return (System.nanoTime() - start) / 1e6;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
