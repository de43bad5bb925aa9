package dev.braid.reactive;

import dev.braid.testkit.InterceptingConnectionFactory;
import dev.braid.testkit.PgBouncer;
import dev.braid.reactive.model.Author;
import dev.braid.testkit.PostgresTestDatabase;
import dev.braid.testkit.TestDatabase;
import io.r2dbc.spi.Connection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;


import java.time.Duration;

class PostgresTransactionTest extends TransactionContract {

    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }

    /**
     * Through PgBouncer (the {@code pgbouncer} run) a backend that dies between transactions is never seen by the
     * client: its next transaction runs on another server connection, so the work commits. Directly, the loss is
     * {@code BRAID_CONNECTION_LOST} (the contract's test).
     */
    @Override
    @Test
    void aConnectionLostWhileInUseReadsAsConnectionLoss() {
        if (!PgBouncer.enabled()) {
            super.aConnectionLostWhileInUseReadsAsConnectionLoss();
            return;
        }
        Mapper m = mapperOver(smallPool(1, null), TIMEOUT);
        intercepting.interceptNext("beginTransaction", breakConnection());
        StepVerifier.create(m.inTransactionMono(s -> s.add(new Author("lost", 1)).map(Author::getName)))
                .expectNext("lost")
                .verifyComplete();
        assertThat(count("authors")).isOne();
    }

    /** The server ends the connection's backend (pg_terminate_backend from another connection), as a crash or failover would. */
    @Override
    InterceptingConnectionFactory.Interceptor breakConnection() {
        return (connection, call) -> Flux.from(connection.createStatement("SELECT pg_backend_pid()").execute())
                .concatMap(r -> r.map((row, m) -> row.get(0, Integer.class)))
                .single()
                .flatMap(this::terminate)
                .then(Mono.delay(Duration.ofMillis(200))) // the backend is gone before the call goes out
                .then(Mono.defer(() -> Mono.from(call.get())));
    }

    private Mono<Void> terminate(int pid) {
        return Mono.usingWhen(((PostgresTestDatabase) database()).server().adminConnectionFactory().create(),
                (Connection c) -> Flux.from(c.createStatement("SELECT pg_terminate_backend($1)").bind(0, pid).execute())
                        .concatMap(r -> r.map((row, m) -> row.get(0))).then(),
                Connection::close);
    }
}
