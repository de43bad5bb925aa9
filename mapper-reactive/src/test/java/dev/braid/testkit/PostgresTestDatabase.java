package dev.braid.testkit;

import io.r2dbc.spi.ConnectionFactory;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A private schema {@code braid_<random>} on {@link PostgresServer#get()}; see {@link TestDatabase#postgres()}.
 * Its connections use the schema as search path and report the schema name as {@code application_name}, which is
 * how {@link PgActivity} tells them apart from other test runs' connections on the same server.
 */
public final class PostgresTestDatabase implements TestDatabase {

    private final PostgresServer server;
    private final String schema;
    private final ConnectionFactory connectionFactory;
    private final PgActivity activity;
    private final AtomicBoolean closed = new AtomicBoolean();

    private PostgresTestDatabase(PostgresServer server, String schema) {
        this.server = server;
        this.schema = schema;
        // Through PgBouncer a database of its own (see PostgresServer#connectionFactory), else a schema.
        server.executeAdmin((PgBouncer.enabled() ? "CREATE DATABASE " : "CREATE SCHEMA ") + schema);
        this.connectionFactory = server.connectionFactory(schema, applicationName());
        this.activity = new PgActivity(server.adminConnectionFactory(), applicationName());
    }

    static PostgresTestDatabase create() {
        BlockHoundSupport.installIfEnabled();
        return new PostgresTestDatabase(PostgresServer.get(), Names.unique());
    }

    @Override
    public String name() {
        return "postgresql";
    }

    /** The private schema, {@code braid_<random>}. */
    public String schema() {
        return schema;
    }

    /** The {@code application_name} of this database's connections (equal to the schema name). */
    public String applicationName() {
        return schema;
    }

    public PostgresServer server() {
        return server;
    }

    @Override
    public ConnectionFactory connectionFactory() {
        return connectionFactory;
    }

    @Override
    public Optional<PgActivity> pgActivity() {
        return Optional.of(activity);
    }

    /** Terminates this database's leftover connections (a leaked transaction would block the DROP), drops the schema. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.executeAdmin(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '" + applicationName()
                + "' AND pid <> pg_backend_pid()",
            "SET lock_timeout = '30s'",
            PgBouncer.enabled() ? "DROP DATABASE IF EXISTS " + schema + " WITH (FORCE)" : "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    @Override
    public String toString() {
        return "postgresql schema " + schema + " on " + server;
    }
}
