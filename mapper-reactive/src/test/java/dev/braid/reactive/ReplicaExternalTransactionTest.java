package dev.braid.reactive;

import dev.braid.reactive.graph.GraphModel;
import dev.braid.reactive.graph.Writer;
import dev.braid.reactive.graph.Writer_;
import dev.braid.testkit.PooledDatabase;
import dev.braid.testkit.PostgresReplicaPair;
import dev.braid.testkit.StatementRecorder;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read-your-writes across a transaction managed outside Braid ({@link ExternalTransactions}, as Spring's
 * R2dbcTransactionManager through the starter): Braid sends no COMMIT there, so it reads the log position in the
 * participant's {@code afterCompletion(true)}, on the transaction's connection, before the manager releases it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplicaExternalTransactionTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private PostgresReplicaPair pair;
    private StatementRecorder primary;
    private PooledDatabase primaryPool;
    private PooledDatabase replicaPool;

    @BeforeAll
    void servers() {
        pair = PostgresReplicaPair.shared();
        primary = StatementRecorder.wrap(pair.primaryFactory());
        primaryPool = PooledDatabase.over(primary);
        replicaPool = PooledDatabase.over(pair.replicaFactory());
    }

    @AfterAll
    void close() {
        pair.resumeReplay();
        primaryPool.close();
        replicaPool.close();
    }

    /** A minimal transaction manager: one transaction per {@link #inTransaction}, its participants called in order. */
    static final class ManualTransactions implements ExternalTransactions {
        private record Tx(Connection connection, Map<Object, TransactionParticipant> participants) { }

        @Override
        public <P extends TransactionParticipant> Mono<P> join(ConnectionFactory factory, Object key,
                                                               Function<Connection, P> participant) {
            return Mono.deferContextual(context -> {
                Tx tx = context.getOrDefault(Tx.class, null);
                if (tx == null) return Mono.empty();
                @SuppressWarnings("unchecked")
                P joined = (P) tx.participants().computeIfAbsent(key, k -> participant.apply(tx.connection()));
                return Mono.just(joined);
            });
        }

        <T> Flux<T> inTransaction(ConnectionFactory factory, Publisher<T> work) {
            return Flux.usingWhen(Mono.from(factory.create()), connection -> {
                Tx tx = new Tx(connection, new ConcurrentHashMap<>());
                return Mono.from(connection.beginTransaction())
                        .thenMany(Flux.from(work).contextWrite(c -> c.put(Tx.class, tx)))
                        .concatWith(Flux.fromIterable(tx.participants().values()).concatMap(TransactionParticipant::beforeCommit).then(Mono.empty()))
                        .concatWith(Flux.fromIterable(tx.participants().values()).concatMap(TransactionParticipant::beforeCompletion).then(Mono.empty()))
                        .concatWith(Mono.from(connection.commitTransaction()).then(Mono.empty()))
                        .concatWith(Flux.fromIterable(tx.participants().values()).concatMap(p -> p.afterCompletion(true)).then(Mono.empty()));
            }, Connection::close);
        }
    }

    @Test
    void aManagedCommitAdvancesTheReadersPositionAndItsReadWaitsForIt() {
        ManualTransactions transactions = new ManualTransactions();
        Mapper mapper = Mapper.builder(primaryPool.pool(), GraphModel.registry()).externalTransactions(transactions)
                .replicas(replicaPool.pool()).replicaOptions(ReplicaOptions.defaults().readYourWritesWait(Duration.ofMillis(100)))
                .build();
        mapper.schema().dropAll().then(mapper.schema().createAll()).block(TIMEOUT);
        pair.awaitReplicaCaughtUp();
        pair.pauseReplay();
        primary.clear();

        ReadYourWrites reader = ReadYourWrites.start();
        transactions.inTransaction(primaryPool.pool(), mapper.withSession(s -> s.add(new Writer("Nikolai Gogol"))))
                .contextWrite(reader.context()).blockLast(TIMEOUT);

        assertThat(primary.statements()).containsExactly("INSERT INTO authors (name) VALUES ($1) RETURNING id",
                "SELECT pg_current_wal_insert_lsn()::text");
        assertThat(reader.token()).isNotNull();
        List<String> read = mapper.readOnly(s -> s.select(Writer.class).where(Writer_.name.eq("Nikolai Gogol")).all().map(w -> w.name))
                .contextWrite(reader.context()).collectList().block(TIMEOUT);
        assertThat(read).containsExactly("Nikolai Gogol");
        assertThat(pair.sql(true, "SELECT count(*) FROM authors")).as("the replica has not replayed it").isEqualTo("0");
        pair.resumeReplay();
    }
}
