package dev.braid.reactive;

import dev.braid.testkit.InterceptingConnectionFactory;
import dev.braid.testkit.PostgresTestDatabase;
import dev.braid.testkit.TestDatabase;
import io.r2dbc.spi.Connection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;


import java.time.Duration;

class PostgresTransactionTest extends TransactionContract {

    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }

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
