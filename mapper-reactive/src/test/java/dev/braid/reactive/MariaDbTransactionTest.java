package dev.braid.reactive;

import dev.braid.testkit.InterceptingConnectionFactory;
import dev.braid.testkit.MariaDbTestDatabase;
import dev.braid.testkit.TestDatabase;
import io.r2dbc.spi.Connection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;

class MariaDbTransactionTest extends TransactionContract {

    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }

    /** The server ends the connection (KILL CONNECTION from another connection), as a crash or failover would. */
    @Override
    InterceptingConnectionFactory.Interceptor breakConnection() {
        return (connection, call) -> Flux.from(connection.createStatement("SELECT CONNECTION_ID()").execute())
                .concatMap(r -> r.map((row, m) -> row.get(0, Long.class)))
                .single()
                .flatMap(this::kill)
                .then(Mono.delay(Duration.ofMillis(200))) // the connection is gone before the call goes out
                .then(Mono.defer(() -> Mono.from(call.get())));
    }

    private Mono<Void> kill(long id) {
        return Mono.usingWhen(((MariaDbTestDatabase) database()).server().adminConnectionFactory().create(),
                (Connection c) -> Flux.from(c.createStatement("KILL CONNECTION " + id).execute())
                        .concatMap(r -> r.getRowsUpdated()).then(),
                Connection::close);
    }
}
