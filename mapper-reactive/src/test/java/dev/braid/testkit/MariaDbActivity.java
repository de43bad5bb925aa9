package dev.braid.testkit;

import java.time.Duration;

/**
 * Reads {@code information_schema.processlist} and {@code innodb_trx} over separate admin connections (test code:
 * the methods block). "This database's connections" are those whose default database is the test database.
 * InnoDB refreshes its {@code innodb_trx} snapshot only when it was not read for 0.1 s, so the polling methods wait
 * {@value #POLL_MILLIS} ms between reads (polling faster would keep reading the same stale snapshot).
 */
public final class MariaDbActivity {

    static final long POLL_MILLIS = 150;

    private final MariaDbServer server;
    private final String database;

    MariaDbActivity(MariaDbServer server, String database) {
        this.server = server;
        this.database = database;
    }

    /** This database's connections. */
    public long connections() {
        return count("SELECT COUNT(*) FROM information_schema.processlist WHERE db = ?");
    }

    /** This database's connections running a statement (command {@code Query}). */
    public long activeQueries() {
        return count("SELECT COUNT(*) FROM information_schema.processlist WHERE db = ? AND command = 'Query'");
    }

    /** Open InnoDB transactions of this database's connections. */
    public long openTransactions() {
        return count("SELECT COUNT(*) FROM information_schema.innodb_trx t JOIN information_schema.processlist p"
                + " ON p.id = t.trx_mysql_thread_id WHERE p.db = ?");
    }

    /** Polls until {@link #openTransactions()} equals {@code expected} or {@code max} passes; returns the last count. */
    public long awaitOpenTransactions(long expected, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        long count = openTransactions();
        while (count != expected && System.nanoTime() < deadline) {
            pause();
            count = openTransactions();
        }
        return count;
    }

    /** Polls until {@link #activeQueries()} equals {@code expected} or {@code max} passes; returns the last count. */
    public long awaitActiveQueries(long expected, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        long count = activeQueries();
        while (count != expected && System.nanoTime() < deadline) {
            pause();
            count = activeQueries();
        }
        return count;
    }

    /** Kills every connection of this database ({@code KILL CONNECTION}), as a server restart or network loss would. */
    public void killConnections() {
        for (Object id : server.queryAdmin("SELECT id FROM information_schema.processlist WHERE db = ?", database)) {
            try {
                server.executeAdmin("KILL CONNECTION " + ((Number) id).longValue());
            } catch (RuntimeException e) {
                // it ended on its own meanwhile
            }
        }
    }

    private long count(String sql) {
        return ((Number) server.queryAdmin(sql, database).get(0)).longValue();
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
