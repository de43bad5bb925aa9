package dev.braid.reactive;

import dev.braid.error.ConnectionLostException;
import dev.braid.error.ErrorCode;
import dev.braid.reactive.model.Author;
import dev.braid.testkit.PostgresTestDatabase;
import dev.braid.testkit.TestDatabase;
import io.r2dbc.spi.Connection;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** PostgreSQL only: the server kills the session's backend (pg_terminate_backend) between two flushes. */
class PostgresConnectionLossTest extends MapperTestBase {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }

    /** Terminates every backend of this test's schema, from a separate connection, without blocking. */
    private Mono<Void> terminateBackends() {
        String application = ((PostgresTestDatabase) database()).applicationName();
        return Mono.usingWhen(((PostgresTestDatabase) database()).server().adminConnectionFactory().create(),
                (Connection c) -> Flux.from(c.createStatement("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                                + " WHERE application_name = $1 AND pid <> pg_backend_pid()").bind(0, application).execute())
                        .concatMap(r -> r.map((row, m) -> row.get(0))).then(),
                Connection::close);
    }

    @Test
    void aTerminatedBackendMidTransactionLeavesNothingAndReleasesTheConnection() {
        Author first = new Author("first", 1);
        StepVerifier.create(mapper.inTransaction(s -> s.add(first).then(s.flush())
                        .then(terminateBackends())
                        .then(s.add(new Author("second", 2)))
                        .then(s.flush())))
                .expectErrorSatisfies(e -> {
                    // Read as a lost connection (SQLSTATE 57P01 or 08006), not as a statement the database rejected.
                    assertThat(e).isInstanceOf(ConnectionLostException.class)
                            .hasMessageContaining("The connection was lost")
                            .hasMessageNotContaining("rejected");
                    assertThat(((ConnectionLostException) e).code()).isEqualTo(ErrorCode.BRAID_CONNECTION_LOST);
                    assertThat(((ConnectionLostException) e).sqlState()).isIn("57P01", "08006");
                })
                .verify(TIMEOUT);
        assertThat(count("authors")).isZero(); // the first flush was never committed
        assertThat(first.getId()).as("the key of the rolled-back insert is cleared").isNull();
        assertThat(awaitAllReleased(Duration.ofSeconds(5))).isTrue();
        // The next unit of work gets a working connection.
        StepVerifier.create(mapper.inTransactionMono(s -> s.add(new Author("after", 3))).map(a -> a.getId() != null))
                .expectNext(true)
                .verifyComplete();
    }
}
