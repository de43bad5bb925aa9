package dev.braid.reactive;

import dev.braid.error.CommitOutcomeUnknownException;
import dev.braid.error.ConnectionLostException;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.reactive.model.Author;
import dev.braid.testkit.MariaDbTestDatabase;
import dev.braid.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MariaDB only: the server kills the session's connection ({@code KILL CONNECTION} from an admin connection, as a
 * server restart or a network loss would) between two flushes, or just before COMMIT.
 */
class MariaDbConnectionLossTest extends MapperTestBase {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }

    /** Kills every connection of this test's database from an admin connection (test code: off the event loop). */
    private Mono<Void> killConnections() {
        return Mono.fromRunnable(() -> ((MariaDbTestDatabase) database()).activity().killConnections())
                .subscribeOn(Schedulers.boundedElastic()).then();
    }

    @Test
    void aKilledConnectionMidTransactionLeavesNothingAndReleasesTheConnection() {
        Author first = new Author("first", 1);
        StepVerifier.create(mapper.inTransaction(s -> s.add(first).then(s.flush())
                        .then(killConnections())
                        .then(s.add(new Author("second", 2)))
                        .then(s.flush())))
                .expectErrorSatisfies(e -> {
                    // Read as a lost connection, not as a statement the database rejected.
                    assertThat(e).isInstanceOf(ConnectionLostException.class)
                            .hasMessageContaining("The connection was lost")
                            .hasMessageNotContaining("rejected");
                    assertThat(((ConnectionLostException) e).code()).isEqualTo(ErrorCode.BRAID_CONNECTION_LOST);
                })
                .verify(TIMEOUT);
        assertThat(count("authors")).isZero(); // the first flush was never committed
        assertThat(first.getId()).as("the key of the rolled-back insert is cleared").isNull();
        assertThat(awaitAllReleased(Duration.ofSeconds(5))).isTrue();
        // The next unit of work gets a working connection.
        StepVerifier.create(mapper.inTransactionMono(s -> s.add(new Author("after", 3))).map(a -> a.getId() != null))
                .expectNext(true)
                .verifyComplete();
        assertThat(rows("SELECT name FROM authors")).containsExactly(java.util.List.of("after"));
    }

    @Test
    void aConnectionKilledBeforeCommitReportsAnUnknownOutcomeAndTheDatabaseKeptNothing() {
        StepVerifier.create(mapper.inTransaction(s -> s.add(new Author("first", 1)).then(s.flush())
                        .then(killConnections())))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(MapperException.class);
                    // COMMIT could not be sent: Braid cannot know that, so it reports the outcome as unknown.
                    assertThat(e).isInstanceOfAny(CommitOutcomeUnknownException.class, ConnectionLostException.class);
                })
                .verify(TIMEOUT);
        assertThat(count("authors")).isZero(); // the server rolled the killed connection's transaction back
        assertThat(awaitAllReleased(Duration.ofSeconds(5))).isTrue();
        assertThat(((MariaDbTestDatabase) database()).activity().awaitOpenTransactions(0, Duration.ofSeconds(2))).isZero();
    }
}
