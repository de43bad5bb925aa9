package dev.braid.examples.web;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;

/** Disconnecting clients on embedded H2. */
class H2DisconnectingClientTest extends DisconnectingClientContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry properties) {
        properties.add("spring.r2dbc.url", () -> "r2dbc:h2:mem:///web_disconnecting_client_test;DB_CLOSE_DELAY=-1");
    }

    @Override
    String insertNumberedAuthors(int n) {
        return "INSERT INTO authors (name) SELECT 'Author ' || x FROM SYSTEM_RANGE(1, " + n + ")";
    }

    @Override
    List<String> cancelledStreamTransactionEvents() {
        return List.of(); // keyset pages in auto-commit
    }

    @Override
    List<String> authorWithOneBookInserts() {
        return List.of("SELECT id FROM FINAL TABLE (INSERT INTO authors (name) VALUES ($1))",
                "SELECT id FROM FINAL TABLE (INSERT INTO books (title, author_id) VALUES ($1, $2))");
    }
}
