package dev.braid.reactive;

import dev.braid.error.CommitOutcomeUnknownException;
import dev.braid.error.ConnectionLostException;
import dev.braid.error.ConnectionUnavailableException;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.error.NestedSessionException;
import dev.braid.mapping.MappingRegistry;
import dev.braid.reactive.model.Account;
import dev.braid.reactive.model.Author;
import dev.braid.reactive.model.Book;
import dev.braid.reactive.model.IsolationProbe;
import dev.braid.testkit.InterceptingConnectionFactory;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.R2dbcRollbackException;
import io.r2dbc.spi.R2dbcTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transactions and connections: retries that emit only committed values, the isolation level in force
 * in every transaction (read back from the database through {@link IsolationProbe}), connections that
 * never go back to the pool inside a transaction, connection failures as Braid errors, nested sessions.
 */
abstract class TransactionContract extends MapperTestBase {
    static final String SERIALIZABLE = "SERIALIZABLE";
    static final String READ_COMMITTED = "READ COMMITTED";
    static final String PROBE = "SELECT braid_isolation.id, braid_isolation.level FROM braid_isolation LIMIT $1";

    private final List<ConnectionPool> pools = new ArrayList<>();
    InterceptingConnectionFactory intercepting;

    @Override
    protected MappingRegistry registry() {
        return MappingRegistry.builder().entity(Author.class, Book.class, Account.class, IsolationProbe.class).build();
    }

    /** Makes the connection break, as a dead server or network would, then runs the call on it. */
    abstract InterceptingConnectionFactory.Interceptor breakConnection();

    @BeforeEach
    void isolationView() {
        execute("DROP TABLE IF EXISTS braid_isolation");
        execute(postgres()
                ? "CREATE VIEW braid_isolation AS SELECT 1::bigint AS id, upper(current_setting('transaction_isolation')) AS level"
                : mariadb()
                ? "CREATE VIEW braid_isolation AS SELECT CAST(1 AS SIGNED) AS id, REPLACE(variable_value, '-', ' ') AS level"
                + " FROM information_schema.session_variables WHERE variable_name = 'TX_ISOLATION'"
                : "CREATE VIEW braid_isolation AS SELECT CAST(1 AS BIGINT) AS id, ISOLATION_LEVEL AS level"
                + " FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID = SESSION_ID()");
        intercepting = new InterceptingConnectionFactory(recorder().connectionFactory());
        recorder().clear();
    }

    @AfterEach
    void dropViewAndPools() {
        pools.forEach(p -> p.disposeLater().block(TIMEOUT));
        pools.clear();
        execute("DROP VIEW IF EXISTS braid_isolation");
    }

    /** A pool of at most {@code maxSize} connections (no acquire timeout of its own) over the intercepting, recording factory. */
    ConnectionPool smallPool(int maxSize, Duration poolAcquireTime) {
        ConnectionPoolConfiguration.Builder config = ConnectionPoolConfiguration.builder(intercepting)
                .initialSize(0).maxSize(maxSize);
        if (poolAcquireTime != null) config.maxAcquireTime(poolAcquireTime);
        ConnectionPool pool = new ConnectionPool(config.build());
        pools.add(pool);
        return pool;
    }

    Mapper mapperOver(ConnectionPool pool, Duration acquireTimeout) {
        return Mapper.builder(pool, registry()).acquireTimeout(acquireTimeout).build();
    }

    static Mono<String> level(Session s) {
        return s.select(IsolationProbe.class).readOnly().one().map(IsolationProbe::level);
    }

    static TransactionOptions serializable() {
        return TransactionOptions.defaults().isolation(IsolationLevel.SERIALIZABLE);
    }

    static R2dbcRollbackException serializationFailure() {
        return new R2dbcRollbackException("could not serialize access due to concurrent update", "40001");
    }

    // Item 6: a retried attempt's values never reach the subscriber.

    @Test
    void retriesEmitOnlyTheValuesOfTheAttemptThatCommitted() {
        Mapper m = mapperOver(smallPool(1, null), TIMEOUT);
        intercepting.interceptNext("commitTransaction", InterceptingConnectionFactory.failWith(serializationFailure()));
        AtomicInteger attempts = new AtomicInteger();
        TransactionOptions retry = TransactionOptions.defaults().retrySerializationFailures(3);
        StepVerifier.create(m.inTransaction(retry, s -> {
                    int attempt = attempts.incrementAndGet();
                    return s.add(new Author("attempt " + attempt, attempt)).then(s.flush()).thenReturn("attempt " + attempt);
                }).single())
                .expectNext("attempt 2")
                .verifyComplete();
        assertThat(rows("SELECT name FROM authors")).containsExactly(List.of("attempt 2"));
        // The failed COMMIT never got past the interceptor (above the recorder): the attempt rolled back.
        assertThat(recorder().transactionEvents()).containsExactly("begin", "rollback", "begin", "commit");
        String insert = insertReturningId("authors", "name, born", "$1, $2");
        assertThat(recorder().statements()).containsExactly(insert, insert);

        recorder().clear();
        intercepting.interceptNext("commitTransaction", InterceptingConnectionFactory.failWith(serializationFailure()));
        StepVerifier.create(m.inTransactionMono(retry, s -> s.add(new Author("mono", 3)).then(s.flush())
                        .then(s.select(Author.class).count())))
                .expectNext(2L)
                .verifyComplete();
        assertThat(count("authors")).isEqualTo(2);
        assertThat(recorder().transactionEvents()).containsExactly("begin", "rollback", "begin", "commit");
    }

    // Items 7 and 12: the level asked for is the level in force, in every transaction, and only there.

    @Test
    void theRequestedLevelIsInForceInEveryTransactionOfTheSessionAndDoesNotLeak() {
        Mapper m = mapperOver(smallPool(1, null), TIMEOUT); // one connection: the next user gets the same one
        StepVerifier.create(m.inTransactionMono(serializable(), s -> level(s)
                        .flatMap(first -> s.commit().then(level(s)).map(second -> List.of(first, second)))))
                .expectNext(List.of(SERIALIZABLE, SERIALIZABLE))
                .verifyComplete();
        StepVerifier.create(m.inTransactionMono(TransactionOptions.defaults(), TransactionContract::level))
                .expectNext(READ_COMMITTED)
                .verifyComplete();
        assertThat(recorder().transactionEvents()).containsExactly("begin", "commit", "begin", "commit", "begin", "commit");
        if (postgres()) {
            // The level travels with BEGIN (BEGIN ISOLATION LEVEL SERIALIZABLE): no statements of its own.
            assertThat(recorder().statements()).containsExactly(PROBE, PROBE, PROBE);
        } else {
            String set = mariadb() ? "SET SESSION TRANSACTION ISOLATION LEVEL "
                    : "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL ";
            assertThat(recorder().statements()).containsExactly(set + SERIALIZABLE, PROBE, set + SERIALIZABLE, PROBE,
                    set + READ_COMMITTED, PROBE);
        }
    }

    @Test
    void aConcurrentUpdateUnderSerializableIsASerializationFailureThatTheRetryHandles() {
        mapper.inTransactionMono(s -> s.add(new Account("acc-1", "a@example.com", new BigDecimal("10.00")))).block(TIMEOUT);
        recorder().clear();
        List<String> levels = new CopyOnWriteArrayList<>();
        AtomicInteger attempts = new AtomicInteger();
        TransactionOptions options = serializable().retrySerializationFailures(3);
        StepVerifier.create(mapper.inTransactionMono(options, s -> level(s).doOnNext(levels::add)
                        .then(s.get(Account.class, "acc-1"))
                        // The first attempt has read the row when another transaction changes and commits it.
                        .flatMap(read -> (attempts.incrementAndGet() > 1 ? Mono.empty()
                                : mapper.independent().inTransactionMono(other -> other.get(Account.class, "acc-1")
                                .doOnNext(a -> a.setBalance(new BigDecimal("99.00"))))).thenReturn(read))
                        .doOnNext(read -> read.setBalance(read.getBalance().add(BigDecimal.ONE)))
                        .flatMap(read -> s.flush().thenReturn(read.getBalance()))))
                .expectNext(new BigDecimal("100.00"))
                .verifyComplete();
        // Read committed would have reported stale data (the version no longer matches) instead.
        assertThat(levels).containsExactly(SERIALIZABLE, SERIALIZABLE);
        assertThat(attempts.get()).isEqualTo(2);
        assertThat(rows("SELECT balance, version FROM accounts")).containsExactly(List.of(new BigDecimal("100.00"), 3L));
        assertThat(recorder().transactionEvents()).containsExactly("begin", "begin", "commit", "rollback", "begin", "commit");
        assertThat(awaitAllReleased(Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void aCancelledBeginNeverLeavesTheNextUserInsideATransaction() {
        Mapper m = mapperOver(smallPool(1, null), Duration.ofSeconds(5));
        // The BEGIN of a flush is slow; the caller gives up while it is on the wire (the driver finishes it).
        intercepting.interceptNext("beginTransaction", InterceptingConnectionFactory.delayedUncancellable(Duration.ofMillis(300)));
        StepVerifier.create(m.withSession(s -> s.add(new Author("abandoned", 1)).then(s.flush())))
                .thenAwait(Duration.ofMillis(100))
                .thenCancel()
                .verify(TIMEOUT);
        sleep(Duration.ofMillis(500)); // the BEGIN has gone through by now
        StepVerifier.create(m.inTransactionMono(serializable(), s -> level(s)
                        .flatMap(level -> s.add(new Author("next", 2)).then(s.flush()).thenReturn(level))))
                .expectNext(SERIALIZABLE)
                .verifyComplete();
        assertThat(rows("SELECT name FROM authors")).containsExactly(List.of("next"));

        // The same for the BEGIN of a transaction: the connection comes back, rolled back.
        intercepting.interceptNext("beginTransaction", InterceptingConnectionFactory.delayedUncancellable(Duration.ofMillis(300)));
        StepVerifier.create(m.inTransaction(s -> s.add(new Author("abandoned too", 3))))
                .thenAwait(Duration.ofMillis(100))
                .thenCancel()
                .verify(TIMEOUT);
        StepVerifier.create(m.inTransactionMono(serializable(), TransactionContract::level))
                .expectNext(SERIALIZABLE)
                .verifyComplete();
        assertThat(rows("SELECT name FROM authors")).containsExactly(List.of("next"));
    }

    // Item 8: failures to obtain a connection are Braid errors, and nothing hangs.

    @Test
    void anExhaustedPoolFailsWithConnectionUnavailableInsteadOfHanging() {
        ConnectionPool pool = smallPool(1, null); // r2dbc-pool's default: no acquire timeout at all
        Mapper m = mapperOver(pool, Duration.ofMillis(300));
        Connection held = Mono.from(pool.create()).block(TIMEOUT);
        StepVerifier.create(m.inTransactionMono(s -> s.add(new Author("never", 1))))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(ConnectionUnavailableException.class)
                            .hasMessageContaining("No connection for mapper.inTransaction(...) within PT0.3S")
                            .hasMessageContaining("Fix:");
                    assertThat(((MapperException) e).code()).isEqualTo(ErrorCode.BRAID_CONNECTION_UNAVAILABLE);
                })
                .verify(Duration.ofSeconds(5));
        assertThat(recorder().statements()).isEmpty();
        // DDL goes through the same acquisition: no hang, the same error.
        StepVerifier.create(m.schema().createMissing())
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ConnectionUnavailableException.class)
                        .hasMessageContaining("No connection for mapper.schema() within PT0.3S"))
                .verify(Duration.ofSeconds(5));
        assertThat(recorder().statements()).isEmpty();
        Mono.from(held.close()).block(TIMEOUT);
        StepVerifier.create(m.inTransactionMono(s -> s.add(new Author("after", 2)).map(Author::getName)))
                .expectNext("after")
                .verifyComplete();
        assertThat(count("authors")).isEqualTo(1);
    }

    @Test
    void aCancelledAcquisitionIsNotPassedOnAndItsConnectionGoesBackWhenItArrives() {
        // r2dbc-pool releases the connection of a cancelled acquisition itself, also when the cancel crosses
        // the connection on its way out: then two sessions share it. So Braid never cancels an acquisition.
        AtomicBoolean createCancelled = new AtomicBoolean();
        AtomicInteger created = new AtomicInteger();
        AtomicInteger closed = new AtomicInteger();
        InterceptingConnectionFactory counting = new InterceptingConnectionFactory(recorder().connectionFactory());
        ConnectionFactory slow = new ConnectionFactory() {
            @Override
            public Publisher<? extends Connection> create() {
                return Mono.from(counting.create()).delaySubscription(Duration.ofMillis(200))
                        .doOnNext(c -> {
                            created.incrementAndGet();
                            counting.interceptNext("close", (connection, call) -> Mono.from(call.get())
                                    .doOnTerminate(closed::incrementAndGet));
                        })
                        .doOnCancel(() -> createCancelled.set(true));
            }

            @Override
            public ConnectionFactoryMetadata getMetadata() {
                return counting.getMetadata();
            }
        };
        Mapper m = Mapper.builder(slow, registry()).build();
        StepVerifier.create(m.inTransaction(s -> s.add(new Author("never", 1))))
                .thenAwait(Duration.ofMillis(50))
                .thenCancel()
                .verify(TIMEOUT);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (closed.get() == 0 && System.nanoTime() < deadline) sleep(Duration.ofMillis(10));
        assertThat(createCancelled).as("the acquisition was cancelled").isFalse();
        assertThat(created.get()).isEqualTo(1);
        assertThat(closed.get()).as("the connection that arrived after the cancel was closed").isEqualTo(1);
        assertThat(recorder().transactionEvents()).isEmpty();
        assertThat(recorder().statements()).isEmpty();
    }

    @Test
    void thePoolsOwnAcquireTimeoutIsTranslated() {
        ConnectionPool pool = smallPool(1, Duration.ofMillis(200));
        Mapper m = mapperOver(pool, TIMEOUT);
        Connection held = Mono.from(pool.create()).block(TIMEOUT);
        StepVerifier.create(m.withSession(s -> s.select(Author.class).all()))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(ConnectionUnavailableException.class)
                            .hasMessageContaining("Could not obtain a connection for mapper.withSession(...)")
                            .hasCauseInstanceOf(R2dbcTimeoutException.class);
                    assertThat(((MapperException) e).code()).isEqualTo(ErrorCode.BRAID_CONNECTION_UNAVAILABLE);
                })
                .verify(Duration.ofSeconds(5));
        Mono.from(held.close()).block(TIMEOUT);
        assertThat(recorder().statements()).isEmpty();
    }

    @Test
    void aSessionOpenedInsideAnotherSessionsWorkFailsFastNamingBoth() {
        ConnectionPool pool = smallPool(1, null);
        Mapper m = mapperOver(pool, Duration.ofSeconds(10));
        StepVerifier.create(m.inTransaction(s -> s.add(new Author("outer", 1)).then(s.flush())
                        .thenMany(m.withSession(inner -> inner.select(Author.class).all()))))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(NestedSessionException.class)
                            .hasMessageContaining("mapper.withSession(...) was called inside the work of mapper.inTransaction(...)")
                            .hasMessageContaining("mapper.independent().withSession(...)");
                    assertThat(((MapperException) e).code()).isEqualTo(ErrorCode.BRAID_NESTED_SESSION);
                })
                .verify(Duration.ofSeconds(5)); // well before the acquire timeout: detected, not waited out
        assertThat(count("authors")).isZero(); // the outer transaction rolled back
        assertThat(recorder().transactionEvents()).containsExactly("begin", "rollback");
        assertThat(recorder().statements()).containsExactly(insertReturningId("authors", "name, born", "$1, $2"));
        StepVerifier.create(m.withSession(s -> m.inTransaction(inner -> Mono.just(1))))
                .expectErrorMatches(e -> e.getMessage().contains(
                        "mapper.inTransaction(...) was called inside the work of mapper.withSession(...)"))
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void independentSessionsNestOnPurposeAndCommitOnTheirOwn() {
        StepVerifier.create(mapper.inTransaction(s -> s.add(new Author("outer", 1)).then(s.flush())
                        .then(mapper.independent().inTransactionMono(audit -> audit.add(new Author("audit", 2))))
                        .then(Mono.error(new IllegalStateException("outer fails")))))
                .expectErrorMessage("outer fails")
                .verify(TIMEOUT);
        assertThat(rows("SELECT name FROM authors")).containsExactly(List.of("audit"));
        assertThat(recorder().transactionEvents()).containsExactly("begin", "begin", "commit", "rollback");
        assertThat(awaitAllReleased(Duration.ofSeconds(5))).isTrue();
    }

    // Item 9: a lost connection reads as such; a lost COMMIT has an unknown outcome.

    @Test
    void aConnectionLostDuringCommitReportsAnUnknownOutcome() {
        Mapper m = mapperOver(smallPool(1, null), TIMEOUT);
        intercepting.interceptNext("commitTransaction", breakConnection());
        StepVerifier.create(m.inTransactionMono(s -> s.add(new Author("in doubt", 1))))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(CommitOutcomeUnknownException.class)
                            .hasMessageContaining("The connection was lost while COMMIT was in flight")
                            .hasMessageContaining("whether the transaction committed is unknown")
                            .hasMessageContaining("while executing: COMMIT");
                    assertThat(((MapperException) e).code()).isEqualTo(ErrorCode.BRAID_COMMIT_OUTCOME_UNKNOWN);
                })
                .verify(TIMEOUT);
        // (PostgreSQL and MariaDB: breakConnection() asks the connection for its backend's pid / id first.)
        assertThat(recorder().statements()).filteredOn(sql -> !sql.contains("pg_backend_pid") && !sql.contains("CONNECTION_ID()"))
                .containsExactly(insertReturningId("authors", "name, born", "$1, $2"));
        // The broken connection is not handed out again: the next unit of work runs.
        StepVerifier.create(m.inTransactionMono(s -> s.add(new Author("next", 2)).map(Author::getName)))
                .expectNext("next")
                .verifyComplete();
    }

    @Test
    void aConnectionLostWhileInUseReadsAsConnectionLoss() {
        Mapper m = mapperOver(smallPool(1, null), TIMEOUT);
        intercepting.interceptNext("beginTransaction", breakConnection());
        StepVerifier.create(m.inTransactionMono(s -> s.add(new Author("lost", 1))))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(ConnectionLostException.class).isNotInstanceOf(CommitOutcomeUnknownException.class)
                            .hasMessageContaining("The connection was lost")
                            .hasMessageNotContaining("The database rejected a statement");
                    assertThat(((MapperException) e).code()).isEqualTo(ErrorCode.BRAID_CONNECTION_LOST);
                })
                .verify(TIMEOUT);
        assertThat(count("authors")).isZero();
        StepVerifier.create(m.inTransactionMono(s -> s.add(new Author("next", 2)).map(Author::getName)))
                .expectNext("next")
                .verifyComplete();
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
