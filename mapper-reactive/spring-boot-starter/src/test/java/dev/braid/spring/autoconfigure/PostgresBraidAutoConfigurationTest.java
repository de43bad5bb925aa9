package dev.braid.spring.autoconfigure;

import dev.braid.testkit.PostgresServer;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The starter on PostgreSQL (the test kit's server: {@code BRAID_PG_URL}, else 127.0.0.1:5432, else embedded):
 * a new schema per context, given to Boot's factory as the URL's {@code schema} option and dropped afterwards.
 */
class PostgresBraidAutoConfigurationTest extends BraidAutoConfigurationContract {
    static final String BASE_URL = baseUrl();
    static final List<String> SCHEMAS = new CopyOnWriteArrayList<>();

    // The server the test kit finds: BRAID_PG_URL, else 127.0.0.1:5432, else an embedded PostgreSQL.
    static String baseUrl() {
        PostgresServer server = PostgresServer.get();
        String env = System.getenv(PostgresServer.URL_ENV);
        if (server.source() == PostgresServer.Source.ENV && env != null) return env.trim();
        return "r2dbc:postgresql://" + server.user() + "@" + server.host() + ":" + server.port() + "/" + server.database();
    }

    @Override
    String freshUrl() {
        String schema = "braid_starter_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin("CREATE SCHEMA " + schema);
        SCHEMAS.add(schema);
        return BASE_URL + (BASE_URL.contains("?") ? "&" : "?") + "schema=" + schema;
    }

    @AfterAll
    static void dropSchemas() {
        for (String schema : SCHEMAS) {
            admin("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    @Override
    long tableCount(ConnectionFactory factory) {
        return Long.parseLong(query(factory, "SELECT COUNT(*) FROM information_schema.tables"
                + " WHERE table_schema = current_schema() AND table_name IN ('starter_items', 'starter_tags')").get(0));
    }

    static void admin(String sql) {
        ConnectionFactory factory = ConnectionFactories.get(BASE_URL);
        Mono.usingWhen(Mono.from(factory.create()),
                (Connection c) -> Flux.from(c.createStatement(sql).execute()).flatMap(r -> r.getRowsUpdated()).then(),
                Connection::close).block(TIMEOUT);
    }
}
