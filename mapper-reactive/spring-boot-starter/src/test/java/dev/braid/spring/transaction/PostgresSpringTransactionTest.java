package dev.braid.spring.transaction;

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
 * Spring-managed transactions on PostgreSQL (the test kit's server): a new schema per application context, given
 * as the URL's {@code schema} option and dropped afterwards.
 */
class PostgresSpringTransactionTest extends SpringTransactionContract {
    static final String BASE_URL = baseUrl();
    static final List<String> SCHEMAS = new CopyOnWriteArrayList<>();

    static String baseUrl() {
        PostgresServer server = PostgresServer.get();
        String env = System.getenv(PostgresServer.URL_ENV);
        if (server.source() == PostgresServer.Source.ENV && env != null) return env.trim();
        return "r2dbc:postgresql://" + server.user() + "@" + server.host() + ":" + server.port() + "/" + server.database();
    }

    @Override
    String freshUrl() {
        String schema = "braid_tx_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin("CREATE SCHEMA " + schema);
        SCHEMAS.add(schema);
        return BASE_URL + (BASE_URL.contains("?") ? "&" : "?") + "schema=" + schema;
    }

    @Override
    List<String> walletWithPaymentsInserts() {
        return List.of("INSERT INTO wallets (owner, balance) VALUES ($1, $2) RETURNING id",
                "WITH braid_seq AS MATERIALIZED (SELECT pg_get_serial_sequence($1, $2)::regclass AS s) SELECT array_agg(nextval(",
                "INSERT INTO payments (id, amount, wallet_id) SELECT * FROM unnest($1::bigint[], $2::integer[], $3::bigint[])");
    }

    @AfterAll
    static void dropSchemas() {
        for (String schema : SCHEMAS) {
            admin("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    static void admin(String sql) {
        ConnectionFactory factory = ConnectionFactories.get(BASE_URL);
        Mono.usingWhen(Mono.from(factory.create()),
                (Connection c) -> Flux.from(c.createStatement(sql).execute()).flatMap(r -> r.getRowsUpdated()).then(),
                Connection::close).block(TIMEOUT);
    }
}
