package dev.braid.examples.web;

import dev.braid.testkit.PostgresServer;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.UUID;

/**
 * The web tests' PostgreSQL: the test kit's server ({@code BRAID_PG_URL}, else 127.0.0.1:5432, else an embedded
 * one), a new schema per test class, given to Spring Boot as the URL's {@code schema} option and dropped after
 * the class.
 */
final class PostgresWeb {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private PostgresWeb() {}

    /** A new, empty schema. */
    static String createSchema(String prefix) {
        String schema = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin("CREATE SCHEMA " + schema);
        return schema;
    }

    /** The r2dbc URL of {@code schema} (its connections have it as search path). */
    static String url(String schema) {
        String base = baseUrl();
        return base + (base.contains("?") ? "&" : "?") + "schema=" + schema;
    }

    static void dropSchema(String schema) {
        admin("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private static String baseUrl() {
        PostgresServer server = PostgresServer.get();
        String env = System.getenv(PostgresServer.URL_ENV);
        if (server.source() == PostgresServer.Source.ENV && env != null) return env.trim();
        return "r2dbc:postgresql://" + server.user() + "@" + server.host() + ":" + server.port() + "/" + server.database();
    }

    private static void admin(String sql) {
        ConnectionFactory factory = ConnectionFactories.get(baseUrl());
        Mono.usingWhen(Mono.from(factory.create()),
                (Connection c) -> Flux.from(c.createStatement(sql).execute()).flatMap(r -> r.getRowsUpdated()).then(),
                Connection::close).block(TIMEOUT);
    }
}
