package dev.braid.testkit;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Reads {@code pg_stat_activity} over a separate raw connection to the same server (test code: the methods block;
 * call them from the test thread). "This database's connections" are those reporting the test database's
 * {@code application_name} — so concurrent test runs against the same server do not disturb the counts.
 */
public final class PgActivity {

    private final ConnectionFactory admin;
    private final String applicationName;

    PgActivity(ConnectionFactory admin, String applicationName) {
        this.admin = admin;
        this.applicationName = applicationName;
    }

    /** The application_name the counted connections report. */
    public String applicationName() {
        return applicationName;
    }

    /**
     * This database's connections that sit in an open transaction without running a query: state
     * {@code 'idle in transaction'} or {@code 'idle in transaction (aborted)'}.
     */
    public long idleInTransactionCount() {
        return count("state LIKE 'idle in transaction%' AND application_name = $1", applicationName);
    }

    /** This database's connections currently running a query (state {@code 'active'}). */
    public long activeQueriesInSchema() {
        return count("state = 'active' AND application_name = $1", applicationName);
    }

    /** All of this database's open connections (whatever their state). */
    public long connectionsInSchema() {
        return count("application_name = $1", applicationName);
    }

    /** Like {@link #idleInTransactionCount()} but for every connection to the current database (any test run). */
    public long idleInTransactionCountInDatabase() {
        // Through PgBouncer the test has a database of its own; otherwise the admin connection's is the test's.
        return PgBouncer.enabled() ? count("state LIKE 'idle in transaction%' AND datname = $1", applicationName)
                : count("state LIKE 'idle in transaction%' AND datname = current_database()", null);
    }

    /**
     * Polls until {@link #idleInTransactionCount()} equals {@code expected} or {@code max} elapses; returns the last
     * count seen (releasing a connection is asynchronous, so assert on this rather than on a single read).
     */
    public long awaitIdleInTransactionCount(long expected, Duration max) {
        return await(expected, max, true);
    }

    /** Polls until {@link #connectionsInSchema()} equals {@code expected} or {@code max} elapses; returns the last count. */
    public long awaitConnectionsInSchema(long expected, Duration max) {
        return await(expected, max, false);
    }

    private long await(long expected, Duration max, boolean idleInTransaction) {
        long deadline = System.nanoTime() + max.toNanos();
        while (true) {
            long seen = idleInTransaction ? idleInTransactionCount() : connectionsInSchema();
            if (seen == expected || System.nanoTime() >= deadline) {
                return seen;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return seen;
            }
        }
    }

    private long count(String where, String parameter) {
        String sql = "SELECT count(*) FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND " + where;
        Long n = Mono.usingWhen(Mono.from(admin.create()),
                (Connection c) -> {
                    var statement = c.createStatement(sql);
                    if (parameter != null) {
                        statement.bind("$1", parameter);
                    }
                    return Flux.from(statement.execute())
                        .concatMap(r -> r.map((row, md) -> row.get(0, Long.class)))
                        .single();
                },
                Connection::close)
            .block(PostgresServer.BLOCK_TIMEOUT);
        return n == null ? 0 : n;
    }
}
