package dev.braid.testkit;

import io.r2dbc.spi.ConnectionFactory;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A private database {@code braid_<random>} on {@link MariaDbServer#get()}; see {@link TestDatabase#mariadb()}. It
 * is created with the binary utf8mb4 collation, so that comparisons, unique keys and ORDER BY treat case as
 * PostgreSQL and H2 do (the server's default collation ignores case). {@link #close()} kills its leftover
 * connections and drops it.
 */
public final class MariaDbTestDatabase implements TestDatabase {

    private final MariaDbServer server;
    private final String database;
    private final ConnectionFactory connectionFactory;
    private final MariaDbActivity activity;
    private final AtomicBoolean closed = new AtomicBoolean();

    private MariaDbTestDatabase(MariaDbServer server, String database) {
        this.server = server;
        this.database = database;
        server.executeAdmin("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        this.connectionFactory = server.connectionFactory(database);
        this.activity = new MariaDbActivity(server, database);
    }

    static MariaDbTestDatabase create() {
        BlockHoundSupport.installIfEnabled();
        return new MariaDbTestDatabase(MariaDbServer.get(), Names.unique());
    }

    @Override
    public String name() {
        return "mariadb";
    }

    @Override
    public String marker(int index) {
        return "?";
    }

    /** The private database, {@code braid_<random>}. */
    public String database() {
        return database;
    }

    public MariaDbServer server() {
        return server;
    }

    /** The process list and InnoDB transactions of this database's connections. */
    public MariaDbActivity activity() {
        return activity;
    }

    @Override
    public ConnectionFactory connectionFactory() {
        return connectionFactory;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        activity.killConnections();
        server.executeAdmin("DROP DATABASE IF EXISTS " + database);
    }

    @Override
    public String toString() {
        return "mariadb database " + database + " on " + server;
    }
}
