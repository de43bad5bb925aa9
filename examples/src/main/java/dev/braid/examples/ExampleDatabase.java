package dev.braid.examples;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;

import java.time.Duration;

/**
 * A pooled connection factory: embedded H2 by default, or any R2DBC URL given in
 * {@code -Dbraid.url=r2dbc:postgresql://user@localhost:5432/db} (or the BRAID_URL environment variable).
 */
public final class ExampleDatabase {
    private ExampleDatabase() {}

    public static ConnectionPool connect(String defaultName) {
        String url = System.getProperty("braid.url", System.getenv().getOrDefault("BRAID_URL",
                "r2dbc:h2:mem:///" + defaultName + ";DB_CLOSE_DELAY=-1"));
        ConnectionFactory factory = ConnectionFactories.get(url);
        return new ConnectionPool(ConnectionPoolConfiguration.builder(factory)
                .maxSize(4)
                .maxIdleTime(Duration.ofMinutes(1))
                .build());
    }
}
