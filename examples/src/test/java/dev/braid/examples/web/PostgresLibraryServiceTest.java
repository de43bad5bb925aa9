package dev.braid.examples.web;

import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;

/** The REST API on PostgreSQL, in a schema of its own. */
class PostgresLibraryServiceTest extends LibraryServiceContract {
    static final String SCHEMA = PostgresWeb.createSchema("web_library");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry properties) {
        properties.add("spring.r2dbc.url", () -> PostgresWeb.url(SCHEMA));
    }

    @AfterAll
    static void dropSchema() {
        PostgresWeb.dropSchema(SCHEMA);
    }

    @Override
    String dbSystem() {
        return "postgresql";
    }

    @Override
    List<String> authorInsert() {
        return List.of("INSERT INTO authors (name) VALUES ($1) RETURNING id");
    }

    @Override
    List<String> authorWithOneBookInserts() {
        return List.of("INSERT INTO authors (name) VALUES ($1) RETURNING id",
                "INSERT INTO books (title, author_id) VALUES ($1, $2) RETURNING id");
    }

    @Override
    List<String> authorWithTwoBooksInserts() {
        return List.of("INSERT INTO authors (name) VALUES ($1) RETURNING id",
                "WITH braid_seq AS MATERIALIZED (SELECT pg_get_serial_sequence($1, $2)::regclass AS s) SELECT array_agg(nextval(",
                "INSERT INTO books (id, title, author_id) SELECT * FROM unnest(");
    }

    @Override
    List<String> streamOfOneAuthor() {
        // a server-side cursor, in a transaction of Braid's own
        return List.of("BEGIN", "DECLARE braid_cursor_1 NO SCROLL CURSOR FOR SELECT authors.id, authors.name FROM authors",
                "FETCH FORWARD 500 FROM braid_cursor_1",
                "SELECT books.id, books.title, books.author_id FROM books WHERE books.author_id = ANY($1)",
                "CLOSE braid_cursor_1", "COMMIT");
    }

    @Override
    List<String> authorPageReads() {
        return List.of("SELECT COUNT(*) FROM authors", "SELECT authors.", "SELECT books.");
    }
}
