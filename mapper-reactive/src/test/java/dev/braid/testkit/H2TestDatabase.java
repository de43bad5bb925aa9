package dev.braid.testkit;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/** A private in-memory H2 database; see {@link TestDatabase#h2()}. */
public final class H2TestDatabase implements TestDatabase {

    private final String databaseName;
    private final String url;
    private final ConnectionFactory connectionFactory;
    private final AtomicBoolean closed = new AtomicBoolean();

    private H2TestDatabase(String databaseName) {
        BlockHoundSupport.installIfEnabled();
        this.databaseName = databaseName;
        // DB_CLOSE_DELAY=-1: the in-memory database survives having no open connection (r2dbc-pool may close all of
        // them) and lives until close() shuts it down.
        this.url = "r2dbc:h2:mem:///" + databaseName + ";DB_CLOSE_DELAY=-1";
        this.connectionFactory = ConnectionFactories.get(url);
    }

    static H2TestDatabase create() {
        return new H2TestDatabase(Names.unique());
    }

    @Override
    public String name() {
        return "h2";
    }

    /** The H2 database name, {@code braid_<random>}. */
    public String databaseName() {
        return databaseName;
    }

    /** The r2dbc URL of this database. */
    public String url() {
        return url;
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
        // SHUTDOWN closes every session of this in-memory database and discards it.
        Mono.usingWhen(Mono.from(connectionFactory.create()),
                (Connection c) -> Flux.from(c.createStatement("SHUTDOWN").execute()).flatMap(r -> r.getRowsUpdated()).then(),
                c -> Mono.from(c.close()).onErrorResume(e -> Mono.empty()))
            .block(Duration.ofSeconds(30));
    }

    @Override
    public String toString() {
        return "h2 " + databaseName;
    }
}
