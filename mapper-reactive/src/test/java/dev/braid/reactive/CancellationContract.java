package dev.braid.reactive;

import dev.braid.reactive.model.Author;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Cancelling a large read returns the connection promptly and leaves no transaction open. */
abstract class CancellationContract extends MapperTestBase {

    @BeforeEach
    void hundredThousandRows() {
        execute(postgres()
                ? "INSERT INTO authors (name, born) SELECT 'author ' || g, g FROM generate_series(1, 100000) g"
                : mariadb() ? "INSERT INTO authors (name, born) SELECT CONCAT('author ', seq), seq FROM seq_1_to_100000"
                : "INSERT INTO authors (name, born) SELECT 'author ' || x, x FROM SYSTEM_RANGE(1, 100000)");
        recorder().clear();
    }

    @Test
    void takeTenInATransactionReleasesTheConnectionWithinOneSecond() {
        StepVerifier.create(mapper.inTransaction(s -> s.select(Author.class).all()).take(10))
                .expectNextCount(10)
                .verifyComplete();
        long start = System.nanoTime();
        assertThat(awaitAllReleased(Duration.ofSeconds(1))).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(recorder().transactionEvents()).containsExactly("begin", "rollback");
        assertNoOpenTransaction();
    }

    @Test
    void takeTenWithoutTransactionReleasesTheConnectionWithinOneSecond() {
        StepVerifier.create(mapper.withSession(s -> s.select(Author.class).all()).take(10))
                .expectNextCount(10)
                .verifyComplete();
        assertThat(awaitAllReleased(Duration.ofSeconds(1))).isTrue();
        assertThat(recorder().transactionEvents()).isEmpty();
        assertNoOpenTransaction();
    }

    @Test
    void timeoutCancelsAndReleases() {
        // A slow consumer: the whole read would take 100 s; the timeout cancels it after 200 ms.
        StepVerifier.create(mapper.inTransaction(s -> s.select(Author.class).all())
                        .delayElements(Duration.ofMillis(1))
                        .collectList()
                        .timeout(Duration.ofMillis(200)))
                .expectError(java.util.concurrent.TimeoutException.class)
                .verify(TIMEOUT);
        assertThat(awaitAllReleased(Duration.ofSeconds(1))).isTrue();
        assertThat(recorder().transactionEvents()).containsExactly("begin", "rollback");
        assertNoOpenTransaction();
    }

    @Test
    void theNextSessionWorksAfterACancel() {
        mapper.withSession(s -> s.select(Author.class).all()).take(5).blockLast(TIMEOUT);
        StepVerifier.create(mapper.withSessionMono(s -> s.select(Author.class).count()))
                .expectNext(100_000L)
                .verifyComplete();
    }

    private void assertNoOpenTransaction() {
        database().pgActivity().ifPresent(activity ->
                assertThat(activity.awaitIdleInTransactionCount(0, Duration.ofSeconds(1))).isZero());
        if (database() instanceof dev.braid.testkit.MariaDbTestDatabase maria) {
            // innodb_trx of this database's connections, and no statement of theirs still running
            assertThat(maria.activity().awaitOpenTransactions(0, Duration.ofSeconds(1))).isZero();
            assertThat(maria.activity().awaitActiveQueries(0, Duration.ofSeconds(1))).isZero();
        }
    }
}
