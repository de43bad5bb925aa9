package dev.braid.examples.web;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;

/** The REST API on its own embedded H2 database. */
class H2LibraryServiceTest extends LibraryServiceContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry properties) {
        properties.add("spring.r2dbc.url", () -> "r2dbc:h2:mem:///web_library_service_test;DB_CLOSE_DELAY=-1");
    }

    @Override
    String dbSystem() {
        return "h2";
    }

    @Override
    List<String> authorInsert() {
        return List.of("SELECT id FROM FINAL TABLE (INSERT INTO authors (name) VALUES ($1))");
    }

    @Override
    List<String> authorWithOneBookInserts() {
        return List.of("SELECT id FROM FINAL TABLE (INSERT INTO authors (name) VALUES ($1))",
                "SELECT id FROM FINAL TABLE (INSERT INTO books (title, author_id) VALUES ($1, $2))");
    }

    @Override
    List<String> authorWithTwoBooksInserts() {
        return List.of("SELECT id FROM FINAL TABLE (INSERT INTO authors (name) VALUES ($1))",
                "SELECT id FROM FINAL TABLE (INSERT INTO books (title, author_id) VALUES ($1, $2), ($3, $4))");
    }

    @Override
    List<String> streamOfOneAuthor() {
        return List.of("SELECT authors.id, authors.name FROM authors ORDER BY authors.id LIMIT $1", // a keyset page
                "SELECT books.id, books.title, books.author_id FROM TABLE(k bigint = $1) braid_keys JOIN books");
    }

    @Override
    List<String> authorPageReads() {
        return List.of("SELECT COUNT(*) FROM authors", "SELECT authors.", "SELECT books.");
    }
}
