package dev.braid.testkit;

import io.r2dbc.spi.ConnectionFactory;

import java.util.Optional;

/**
 * A database (H2) or schema (PostgreSQL) that is fresh and private to the calling test class.
 * Create one per test class ({@link DatabaseTestBase} does), {@link #close()} it when done.
 */
public interface TestDatabase extends AutoCloseable {

    /** {@code "h2"} or {@code "postgresql"}. */
    String name();

    /**
     * The raw (unpooled, unrecorded) factory. Unqualified table names resolve to this test's private
     * database/schema.
     */
    ConnectionFactory connectionFactory();

    /** Helpers over {@code pg_stat_activity} for this database's connections; empty except on PostgreSQL. */
    default Optional<PgActivity> pgActivity() {
        return Optional.empty();
    }

    /**
     * The bind marker of parameter {@code index} (1-based) in raw SQL of the test kit's driver.
     *
     * @return {@code $index}, or {@code ?} on MariaDB
     */
    default String marker(int index) {
        return "$" + index;
    }

    /** Drops what {@link #h2()} / {@link #postgres()} created. Idempotent. */
    @Override
    void close();

    /** A new, uniquely named in-memory H2 database ({@code braid_<random>}), kept alive until {@link #close()}. */
    static TestDatabase h2() {
        return H2TestDatabase.create();
    }

    /**
     * A fresh schema {@code braid_<random>} on the PostgreSQL server chosen by {@link PostgresServer#get()}; the
     * factory's {@code schema} option points unqualified names there. {@link #close()} drops the schema CASCADE.
     */
    static PostgresTestDatabase postgres() {
        return PostgresTestDatabase.create();
    }

    /**
     * A fresh database {@code braid_<random>} on the MariaDB server chosen by {@link MariaDbServer#get()} (failing
     * loudly, with what to install, when there is none). {@link #close()} drops it.
     */
    static MariaDbTestDatabase mariadb() {
        return MariaDbTestDatabase.create();
    }
}
