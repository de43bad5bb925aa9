package dev.braid.examples.web;

import dev.braid.testkit.MariaDbTestDatabase;
import dev.braid.testkit.TestDatabase;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.time.Duration;

import static io.r2dbc.spi.ConnectionFactoryOptions.HOST;
import static io.r2dbc.spi.ConnectionFactoryOptions.PASSWORD;
import static io.r2dbc.spi.ConnectionFactoryOptions.PORT;
import static io.r2dbc.spi.ConnectionFactoryOptions.USER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web tests' MariaDB: the test kit's server ({@code BRAID_MARIADB_URL}, else 127.0.0.1:3306), a new database
 * {@code braid_<random>} per test class (utf8mb4, binary collation), given to Spring Boot as the URL's database
 * and dropped after the class. The test classes run with the application's {@code mariadb} profile
 * ({@code application-mariadb.properties}: READ COMMITTED, the audit table from {@code schema-mariadb.sql}), as a
 * user does.
 */
final class MariaDbWeb {
    /** How long InnoDB's transaction list may take to show a transaction begun or ended. */
    static final Duration TRANSACTIONS_SHOW_WITHIN = Duration.ofSeconds(2);

    private MariaDbWeb() {}

    /** A new, empty database. */
    static MariaDbTestDatabase createDatabase() {
        return TestDatabase.mariadb();
    }

    /** Points Spring Boot at {@code database} on the test kit's server. */
    static void register(DynamicPropertyRegistry properties, MariaDbTestDatabase database) {
        ConnectionFactoryOptions server = database.server().options();
        properties.add("spring.r2dbc.url", () -> "r2dbc:mariadb://" + server.getValue(HOST) + ":" + server.getValue(PORT)
                + "/" + database.database());
        properties.add("spring.r2dbc.username", () -> String.valueOf(server.getValue(USER)));
        Object password = server.getValue(PASSWORD);
        if (password != null) properties.add("spring.r2dbc.password", () -> password.toString());
    }

    /**
     * The database's connections have {@code expected} InnoDB transactions open ({@code information_schema.innodb_trx}),
     * within {@link #TRANSACTIONS_SHOW_WITHIN}.
     */
    static void assertOpenTransactions(MariaDbTestDatabase database, long expected) {
        assertThat(database.activity().awaitOpenTransactions(expected, TRANSACTIONS_SHOW_WITHIN))
                .as("open transactions in information_schema.innodb_trx of %s's connections", database.database())
                .isEqualTo(expected);
    }
}
