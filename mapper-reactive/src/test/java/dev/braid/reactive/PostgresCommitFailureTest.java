package dev.braid.reactive;

import dev.braid.error.DatabaseException;
import dev.braid.reactive.model.Book;
import dev.braid.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** PostgreSQL only: H2 cannot defer a constraint check to COMMIT, so only here can a COMMIT itself fail. */
class PostgresCommitFailureTest extends MapperTestBase {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }

    @Test
    void aFailingCommitIsReportedAsItsOwnDatabaseError() {
        execute("ALTER TABLE books DROP CONSTRAINT fk_books_author_id");
        execute("ALTER TABLE books ADD CONSTRAINT fk_books_author_id FOREIGN KEY (author_id) REFERENCES authors (id)"
                + " DEFERRABLE INITIALLY DEFERRED");
        StepVerifier.create(mapper.inTransactionMono(s -> s.add(new Book("orphan", 999L))))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(DatabaseException.class);
                    assertThat(((DatabaseException) e).sql()).isEqualTo("COMMIT");
                    assertThat(((DatabaseException) e).sqlState()).isEqualTo("23503");
                })
                .verify(MapperTestBase.TIMEOUT);
        assertThat(awaitAllReleased(Duration.ofSeconds(1))).isTrue();
        assertThat(count("books")).isZero();
    }
}
