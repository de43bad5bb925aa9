package dev.braid.examples;

import dev.braid.testkit.MariaDbServer;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import static io.r2dbc.spi.ConnectionFactoryOptions.DATABASE;
import static io.r2dbc.spi.ConnectionFactoryOptions.HOST;
import static io.r2dbc.spi.ConnectionFactoryOptions.PASSWORD;
import static io.r2dbc.spi.ConnectionFactoryOptions.PORT;
import static io.r2dbc.spi.ConnectionFactoryOptions.USER;

/**
 * Runs the examples against the test kit's MariaDB server ({@code BRAID_MARIADB_URL}, else 127.0.0.1:3306) the way
 * a user does, with {@code -Dbraid.url=r2dbc:mariadb://...}, in databases the test creates (utf8mb4, binary
 * collation) and drops; and reads those databases directly, not through Braid.
 */
public final class MariaDbExamples {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private MariaDbExamples() {}

    /** A new, unique database name prefix: {@code braid_<random>}. */
    public static String uniqueName() {
        return "braid_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** The r2dbc URL of {@code database} on the server, at READ COMMITTED (as Braid's README advises). */
    public static String url(String database) {
        ConnectionFactoryOptions server = MariaDbServer.get().options();
        Object password = server.getValue(PASSWORD);
        return "r2dbc:mariadb://" + server.getValue(USER) + (password == null ? "" : ":" + password) + "@"
                + server.getValue(HOST) + ":" + server.getValue(PORT) + "/" + database + "?isolationLevel=READ-COMMITTED";
    }

    public static void createDatabases(String... databases) {
        for (String database : databases) {
            admin("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        }
    }

    public static void dropDatabases(String... databases) {
        for (String database : databases) admin("DROP DATABASE IF EXISTS " + database);
    }

    /** Runs {@code example} with the system property {@code braid.url} set to {@code url} (restored afterwards). */
    public static <T> T withBraidUrl(String url, Callable<T> example) throws Exception {
        String previous = System.getProperty("braid.url");
        System.setProperty("braid.url", url);
        try {
            return example.call();
        } finally {
            if (previous == null) System.clearProperty("braid.url");
            else System.setProperty("braid.url", previous);
        }
    }

    /** Every row of {@code sql} in {@code database}, integral numbers as longs. */
    public static List<List<Object>> rows(String database, String sql) {
        ConnectionFactory factory = ConnectionFactories.get(MariaDbServer.get().options().mutate()
                .option(DATABASE, database).build());
        return Flux.usingWhen(factory.create(),
                        (Connection c) -> Flux.from(c.createStatement(sql).execute())
                                .concatMap(result -> result.map((row, meta) -> {
                                    List<Object> values = new ArrayList<>();
                                    for (int i = 0; i < meta.getColumnMetadatas().size(); i++) {
                                        Object value = row.get(i);
                                        values.add(value instanceof Number n && !(value instanceof Long) ? n.longValue() : value);
                                    }
                                    return values;
                                })),
                        Connection::close)
                .collectList()
                .block(WAIT);
    }

    private static void admin(String sql) {
        Mono.usingWhen(Mono.from(MariaDbServer.get().adminConnectionFactory().create()),
                (Connection c) -> Flux.from(c.createStatement(sql).execute()).flatMap(r -> r.getRowsUpdated()).then(),
                Connection::close).block(WAIT);
    }
}
