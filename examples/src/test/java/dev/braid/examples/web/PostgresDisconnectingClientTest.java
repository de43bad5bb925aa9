package dev.braid.examples.web;

import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;

/** Disconnecting clients on PostgreSQL, in a schema of its own. */
class PostgresDisconnectingClientTest extends DisconnectingClientContract {
    static final String SCHEMA = PostgresWeb.createSchema("web_disconnect");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry properties) {
        properties.add("spring.r2dbc.url", () -> PostgresWeb.url(SCHEMA));
    }

    @AfterAll
    static void dropSchema() {
        PostgresWeb.dropSchema(SCHEMA);
    }

    @Override
    String insertNumberedAuthors(int n) {
        return "INSERT INTO authors (name) SELECT 'Author ' || x FROM generate_series(1, " + n + ") AS x ORDER BY x";
    }

    @Override
    List<String> cancelledStreamTransactionEvents() {
        return List.of("BEGIN", "ROLLBACK"); // the cursor's transaction, rolled back when the client leaves
    }

    @Override
    List<String> authorWithOneBookInserts() {
        return List.of("INSERT INTO authors (name) VALUES ($1) RETURNING id",
                "INSERT INTO books (title, author_id) VALUES ($1, $2) RETURNING id");
    }
}
