package dev.braid.reactive;

import dev.braid.error.MapperException;
import dev.braid.reactive.model.Account;
import dev.braid.testkit.InterceptingConnectionFactory;
import dev.braid.testkit.PostgresTestDatabase;
import dev.braid.testkit.TestDatabase;
import io.r2dbc.spi.Connection;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A soak check, not part of the default test run (the name does not end in Test; it is statistical and
 * takes several seconds): run it with {@code -Dtest=PostgresTransactionChaosCheck#serializable*}. Before
 * Braid stopped passing cancels on to the pool (ConnectionSource), it failed in about one run in ten: an
 * attempt read back READ COMMITTED and PostgreSQL logged "there is already a transaction in progress",
 * i.e. two sessions shared a connection; 12 runs in a row passed after.
 */
class PostgresTransactionChaosCheck extends TransactionContract {
    private final AtomicInteger terminated = new AtomicInteger();

    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }

    @Override
    InterceptingConnectionFactory.Interceptor breakConnection() {
        return (connection, call) -> Mono.from(connection.close()).then(Mono.defer(() -> Mono.from(call.get())));
    }

    /**
     * Item 7 under chaos: SERIALIZABLE transfers, some cancelled at random moments (also during BEGIN and
     * COMMIT), while backends are terminated and the pool replaces them. Every attempt must run at
     * SERIALIZABLE (read back inside the attempt), so a conflict is a serialization failure that the retry
     * handles, never stale data; and money is neither created nor lost. (A soak test: before the fixes it
     * failed in some runs, not all, with a level read back as READ COMMITTED, stale data, or a lost unit.)
     */
    @Test
    void serializableTransfersStaySerializableUnderCancellationsAndTerminatedBackends() {
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < 6; i++) accounts.add(new Account("acc-" + i, i + "@example.com", new BigDecimal("100.00")));
        mapper.inTransaction(s -> s.addAll(accounts)).blockLast(TIMEOUT);
        Mapper m = mapperOver(smallPool(3, null), Duration.ofSeconds(20));
        List<String> levels = new CopyOnWriteArrayList<>();
        Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        TransactionOptions options = serializable().retrySerializationFailures(20);
        Random random = new Random(42);
        List<long[]> plan = new ArrayList<>();
        for (int i = 0; i < 300; i++) plan.add(new long[]{random.nextInt(6), random.nextInt(6), random.nextInt(4) == 0 ? 1 + random.nextInt(30) : 0});
        Disposable chaos = Flux.interval(Duration.ofMillis(40)).onBackpressureDrop()
                .concatMap(tick -> terminateOneBackend(random.nextInt(3)).onErrorResume(e -> Mono.empty()))
                .subscribe();
        try {
            Flux.fromIterable(plan)
                    .flatMap(step -> {
                        String from = "acc-" + step[0];
                        String to = "acc-" + (step[0] == step[1] ? (step[1] + 1) % 6 : step[1]);
                        Mono<String> transfer = m.inTransactionMono(options, s -> level(s).doOnNext(levels::add)
                                .then(s.get(Account.class, from))
                                .flatMap(a -> s.get(Account.class, to).flatMap(b -> {
                                    a.setBalance(a.getBalance().subtract(BigDecimal.ONE));
                                    b.setBalance(b.getBalance().add(BigDecimal.ONE));
                                    return s.flush();
                                }))
                                .thenReturn("committed"));
                        if (step[2] > 0) transfer = transfer.timeout(Duration.ofMillis(step[2]));
                        return transfer.onErrorResume(e -> Mono.just(e instanceof MapperException me ? me.code().name()
                                : e.getClass().getSimpleName()));
                    }, 6)
                    .doOnNext(outcome -> outcomes.merge(outcome, 1, Integer::sum))
                    .blockLast(Duration.ofMinutes(2));
        } finally {
            chaos.dispose();
        }
        LoggerFactory.getLogger(PostgresTransactionChaosCheck.class).info("Chaos outcomes: {}, attempts read back: {},"
                + " backends terminated: {}", outcomes, levels.size(), terminated.get());
        assertThat(terminated.get()).isPositive();
        assertThat(new HashSet<>(levels)).as("levels read back in the attempts").containsExactly(SERIALIZABLE);
        assertThat(outcomes).as("outcomes %s", outcomes).doesNotContainKeys("BRAID_STALE_DATA", "BRAID_DATABASE");
        assertThat(outcomes.getOrDefault("committed", 0)).as("outcomes %s", outcomes).isGreaterThan(50);
        assertThat(value("SELECT SUM(balance) FROM accounts")).isEqualTo(new BigDecimal("600.00"));
        assertThat(((PostgresTestDatabase) database()).pgActivity().orElseThrow()
                .awaitIdleInTransactionCount(0, Duration.ofSeconds(5))).isZero();
    }

    /** Terminates the {@code n}th backend of this test's schema (other than the admin connection), if there is one. */
    private Mono<Void> terminateOneBackend(int n) {
        String application = ((PostgresTestDatabase) database()).applicationName();
        return Mono.usingWhen(((PostgresTestDatabase) database()).server().adminConnectionFactory().create(),
                (Connection c) -> Flux.from(c.createStatement("SELECT pg_terminate_backend(pid) FROM (SELECT pid FROM"
                                + " pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid() ORDER BY pid"
                                + " OFFSET $2 LIMIT 1) victim").bind(0, application).bind(1, n).execute())
                        .concatMap(r -> r.map((row, meta) -> row.get(0)))
                        .doOnNext(killed -> terminated.incrementAndGet()).then(),
                Connection::close);
    }

}
