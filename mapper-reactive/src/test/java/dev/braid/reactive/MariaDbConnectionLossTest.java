package dev.braid.reactive;

import dev.braid.error.ConnectionLostException;
import dev.braid.error.ErrorCode;
import dev.braid.reactive.model.Author;
import dev.braid.testkit.MariaDbTestDatabase;
import dev.braid.testkit.TestDatabase;
import io.r2dbc.spi.Connection;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** MariaDB only: the server kills the session's connection (KILL CONNECTION) between two flushes. */
class MariaDbConnectionLossTest extends MapperTestBase {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }

    /** Kills every connection of this test's database, from a separate admin connection, without blocking. */
    private Mono<Void> killConnections() {
        MariaDbTestDatabase db = (MariaDbTestDatabase) database();
        return Mono.usingWhen(db.server().adminConnectionFactory().create(),
                (Connection c) -> Flux.from(c.createStatement("SELECT id FROM information_schema.processlist"
                                + " WHERE db = ? AND id <> CONNECTION_ID()").bind(0, db.database()).execute())
                        .concatMap(r -> r.map((row, m) -> ((Number) row.get(0)).longValue()))
                        .collectList()
                        .flatMapMany(ids -> Flux.fromIterable(ids).concatMap(id -> Flux.from(
                                c.createStatement("KILL CONNECTION " + id).execute()).concatMap(r -> r.getRowsUpdated())
                                .onErrorResume(e -> Mono.empty()))) // a connection that ended meanwhile
                        .then(Mono.delay(Duration.ofMillis(200))) // the socket is closed before the next statement
                        .then(),
                Connection::close);
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
    }
}
