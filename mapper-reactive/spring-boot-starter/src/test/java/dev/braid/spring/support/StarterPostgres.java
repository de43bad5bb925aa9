package dev.braid.spring.support;

import dev.braid.testkit.PostgresServer;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The starter tests' PostgreSQL: the test kit's server ({@code BRAID_PG_URL}, else 127.0.0.1:5432, else embedded),
 * with a new schema per application context, given to Boot's factory as the URL's {@code schema} option and
 * dropped by {@link #dropSchemas()}.
 */
public final class StarterPostgres {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String BASE_URL = baseUrl();

    private final String prefix;
    private final List<String> schemas = new CopyOnWriteArrayList<>();

    /** @param prefix the new schemas' name prefix, e.g. {@code braid_tx_} */
    public StarterPostgres(String prefix) {
        this.prefix = prefix;
    }

    /** An r2dbc URL of a new, empty schema. */
    public String freshUrl() {
        String schema = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin("CREATE SCHEMA " + schema);
        schemas.add(schema);
        return BASE_URL + (BASE_URL.contains("?") ? "&" : "?") + "schema=" + schema;
    }

    /** Drops every schema {@link #freshUrl()} made. */
    public void dropSchemas() {
        for (String schema : schemas) {
            admin("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
        schemas.clear();
    }

    private static String baseUrl() {
        PostgresServer server = PostgresServer.get();
        String env = System.getenv(PostgresServer.URL_ENV);
        if (server.source() == PostgresServer.Source.ENV && env != null) return env.trim();
        return "r2dbc:postgresql://" + server.user() + "@" + server.host() + ":" + server.port() + "/" + server.database();
    }

    private static void admin(String sql) {
        ConnectionFactory factory = ConnectionFactories.get(BASE_URL);
        Mono.usingWhen(Mono.from(factory.create()),
                (Connection c) -> Flux.from(c.createStatement(sql).execute()).flatMap(r -> r.getRowsUpdated()).then(),
                Connection::close).block(TIMEOUT);
    }
}
