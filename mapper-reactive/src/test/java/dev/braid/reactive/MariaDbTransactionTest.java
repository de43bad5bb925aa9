package dev.braid.reactive;

import dev.braid.testkit.InterceptingConnectionFactory;
import dev.braid.testkit.MariaDbTestDatabase;
import dev.braid.testkit.TestDatabase;
import io.r2dbc.spi.Connection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import dev.braid.reactive.model.Account;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class MariaDbTransactionTest extends TransactionContract {

    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }

    /**
     * MariaDB's SERIALIZABLE is lock-based (InnoDB reads take shared locks), not snapshot-based: instead of the
     * serializable transaction failing at its write (PostgreSQL, H2), the concurrent writer waits for its lock and,
     * here with a 1 s lock wait, fails with error 1205; the serializable transaction then commits its own update.
     */
    @Test
    @Override
    void aConcurrentUpdateUnderSerializableIsASerializationFailureThatTheRetryHandles() {
        mapper.inTransactionMono(s -> s.add(new Account("acc-1", "a@example.com", new BigDecimal("10.00")))).block(TIMEOUT);
        recorder().clear();
        StepVerifier.create(mapper.inTransactionMono(serializable(), s -> level(s)
                        .flatMap(level -> s.get(Account.class, "acc-1"))
                        .flatMap(read -> concurrentUpdate().thenReturn(read))
                        .doOnNext(read -> read.setBalance(read.getBalance().add(BigDecimal.ONE)))
                        .flatMap(read -> s.flush().thenReturn(read.getBalance()))))
                .expectNext(new BigDecimal("11.00"))
                .verifyComplete();
        assertThat(rows("SELECT balance, version FROM accounts")).containsExactly(List.of(new BigDecimal("11.00"), 2L));
        assertThat(recorder().transactionEvents()).containsExactly("begin", "commit");
    }

    /** Another connection's UPDATE of the row, failing after a 1 s lock wait: the error text it got. */
    private Mono<String> concurrentUpdate() {
        return Mono.usingWhen(database().connectionFactory().create(),
                (Connection c) -> Flux.from(c.createStatement("SET SESSION innodb_lock_wait_timeout = 1").execute())
                        .concatMap(r -> r.getRowsUpdated())
                        .thenMany(Flux.from(c.createStatement("UPDATE accounts SET balance = 99 WHERE code = 'acc-1'").execute()))
                        .concatMap(r -> r.getRowsUpdated())
                        .then(Mono.just("no wait"))
                        .onErrorResume(e -> Mono.just(e.getMessage())),
                Connection::close)
                .doOnNext(message -> assertThat(message).contains("Lock wait timeout exceeded"));
    }

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
