package dev.braid.examples;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The main example with {@code -Dbraid.url=r2dbc:mariadb://...}, in a database of its own. */
class MariaDbLibraryExampleTest {

    @Test
    void mainExampleRunsEndToEndOnMariaDb() throws Exception {
        String database = MariaDbExamples.uniqueName();
        MariaDbExamples.createDatabases(database);
        try {
            String out = MariaDbExamples.withBraidUrl(MariaDbExamples.url(database), LibraryExampleTest::runMain);
            assertThat(out).contains("Schema from the mapping (MariaDB):");
            LibraryExampleTest.assertMainExampleOutput(out, "UPDATE authors SET name = ? WHERE id = ?");
            // what the database holds afterwards: Emma deleted, Tolstoy renamed, the failed transaction rolled back
            assertThat(MariaDbExamples.rows(database, "SELECT b.title, a.name FROM books b JOIN authors a"
                    + " ON a.id = b.author_id ORDER BY b.id"))
                    .containsExactly(List.of("Pride and Prejudice", "Jane Austen"), List.of("War and Peace", "Lev Tolstoy"));
            assertThat(MariaDbExamples.rows(database, "SELECT name FROM authors ORDER BY id"))
                    .containsExactly(List.of("Jane Austen"), List.of("Lev Tolstoy"));
        } finally {
            MariaDbExamples.dropDatabases(database);
        }
    }
}
