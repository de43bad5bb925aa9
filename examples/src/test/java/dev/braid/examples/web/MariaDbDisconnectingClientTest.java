package dev.braid.examples.web;

import dev.braid.testkit.MariaDbTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;

/**
 * Disconnecting clients on MariaDB, in a database of its own; after each, no InnoDB transaction of that
 * database's connections stays open.
 */
@ActiveProfiles("mariadb")
class MariaDbDisconnectingClientTest extends DisconnectingClientContract {
    static final MariaDbTestDatabase DATABASE = MariaDbWeb.createDatabase();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry properties) {
        MariaDbWeb.register(properties, DATABASE);
    }

    @AfterAll
    static void dropDatabase() {
        DATABASE.close();
    }

    @Override
    String insertNumberedAuthors(int n) {
        return "INSERT INTO authors (name) SELECT CONCAT('Author ', seq) FROM seq_1_to_" + n + " ORDER BY seq";
    }

    @Override
    List<String> cancelledStreamTransactionEvents() {
        return List.of(); // keyset pages in auto-commit
    }

    @Override
    String auditInsert() {
        return "INSERT INTO audit_log (action, table_name, row_id) VALUES (?, ?, ?)";
    }

    @Override
    List<String> authorWithOneBookInserts() {
        return List.of("INSERT INTO authors (name) VALUES (?) RETURNING id",
                "INSERT INTO books (title, author_id) VALUES (?, ?) RETURNING id");
    }

    @Override
    void assertOpenTransactions(long expected) {
        MariaDbWeb.assertOpenTransactions(DATABASE, expected);
    }
}
