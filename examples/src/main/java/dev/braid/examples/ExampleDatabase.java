package dev.braid.examples;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;

/**
 * A pooled connection factory: embedded H2 by default, or any R2DBC URL given in
 * {@code -Dbraid.url=r2dbc:postgresql://user@localhost:5432/db} or {@code r2dbc:mariadb://root@127.0.0.1:3306/test} (or the BRAID_URL environment variable).
 * Every example then shares that database, unless the URL contains {@value #NAME}: it stands for the example's own
 * database name (e.g. {@code r2dbc:mariadb://root@127.0.0.1:3306/{database}} gives the seed scenarios the
 * databases {@code seed_blog}, {@code seed_company}, ...), which must exist on the server.
 */
public final class ExampleDatabase {
    /** The placeholder for the example's database name in an external URL. */
    public static final String NAME = "{database}";

    private ExampleDatabase() {}

    public static ConnectionPool connect(String defaultName) {
        String url = external() ? externalUrl().replace(NAME, defaultName)
                : "r2dbc:h2:mem:///" + defaultName + ";DB_CLOSE_DELAY=-1";
        ConnectionFactory factory = ConnectionFactories.get(url);
        return new ConnectionPool(ConnectionPoolConfiguration.builder(factory)
                .maxSize(4)
                .maxIdleTime(Duration.ofMinutes(1))
                // Open connections on the thread that asks for one. r2dbc-pool's default hands allocation to
                // Schedulers.single(), and a release finishing there can race the pool's dispose() in main().
                .allocatorSubscribeOn(Schedulers.immediate())
                .build());
    }

    /** Whether a database was named with -Dbraid.url or BRAID_URL (then every example shares it). */
    public static boolean external() {
        return externalUrl() != null;
    }

    private static String externalUrl() {
        return System.getProperty("braid.url", System.getenv("BRAID_URL"));
    }
}
