package dev.braid.examples.web;

import dev.braid.testkit.MariaDbTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The REST API on MariaDB, in a database of its own. */
@ActiveProfiles("mariadb")
class MariaDbLibraryServiceTest extends LibraryServiceContract {
    static final MariaDbTestDatabase DATABASE = MariaDbWeb.createDatabase();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry properties) {
        MariaDbWeb.register(properties, DATABASE);
    }

    @AfterAll
    static void dropDatabase() {
        DATABASE.close();
    }

    /** The mariadb profile's settings reached the pool's connections and the database. */
    @Test
    void theMariaDbProfileSetsReadCommittedAndCreatesTheAuditTable() {
        assertThat(sql.strings("SELECT @@tx_isolation")).containsExactly("READ-COMMITTED");
        assertThat(sql.strings("SELECT column_type FROM information_schema.columns WHERE table_schema = DATABASE()"
                + " AND table_name = 'audit_log' AND column_name = 'id'")).containsExactly("bigint(20)");
        assertThat(sql.strings("SELECT extra FROM information_schema.columns WHERE table_schema = DATABASE()"
                + " AND table_name = 'audit_log' AND column_name = 'id'")).containsExactly("auto_increment");
    }

    @Override
    String dbSystem() {
        return "mariadb";
    }

    @Override
    String auditInsert() {
        return "INSERT INTO audit_log (action, table_name, row_id) VALUES (?, ?, ?)";
    }

    @Override
    List<String> authorInsert() {
        return List.of("INSERT INTO authors (name) VALUES (?) RETURNING id");
    }

    @Override
    List<String> authorWithOneBookInserts() {
        return List.of("INSERT INTO authors (name) VALUES (?) RETURNING id",
                "INSERT INTO books (title, author_id) VALUES (?, ?) RETURNING id");
    }

    @Override
    List<String> authorWithTwoBooksInserts() {
        // one multi-row INSERT, whose RETURNING gives the keys in row order
        return List.of("INSERT INTO authors (name) VALUES (?) RETURNING id",
                "INSERT INTO books (title, author_id) VALUES (?, ?), (?, ?) RETURNING id");
    }

    @Override
    List<String> streamOfOneAuthor() {
        return List.of("SELECT authors.id, authors.name FROM authors ORDER BY authors.id LIMIT ?", // a keyset page
                "SELECT books.id, books.title, books.author_id FROM books WHERE books.author_id IN (?)");
    }

    @Override
    List<String> authorPageReads() {
        return List.of("SELECT COUNT(*) FROM authors", "SELECT authors.", "SELECT books.");
    }
}
