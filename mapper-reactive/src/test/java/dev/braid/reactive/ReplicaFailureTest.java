package dev.braid.reactive;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.reactive.graph.GraphModel;
import dev.braid.reactive.graph.Writer;
import dev.braid.reactive.graph.Writer_;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.Statement;
import org.junit.jupiter.api.*;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replica routing when things go wrong (found in review): raw SQL that writes while read for its rows, read-only
 * sessions asked to write that way, reads cut short, a replica that stops answering its check, and a cancel while
 * another replica is tried. Every test also checks that no error was dropped (a connection closed twice throws
 * one) and that both pools are idle afterwards.
 */
class ReplicaFailureTest extends ReplicaTestBase {
    private final List<Throwable> dropped = new CopyOnWriteArrayList<>();

    @BeforeAll
    void watchDroppedErrors() {
        Hooks.onErrorDropped(dropped::add);
    }

    @AfterAll
    void stopWatching() {
        Hooks.resetOnErrorDropped();
    }

    @BeforeEach
    void clearDropped() {
        dropped.clear();
    }

    @AfterEach
    void after() {
        pair.resumeReplay();
        assertThat(dropped).isEmpty();
        assertThat(primaryPool.awaitAllReleased(TIMEOUT)).isTrue();
        assertThat(replicaPool.awaitAllReleased(TIMEOUT)).isTrue();
        assertThat(replica.statements()).noneMatch(sql -> sql.strip().matches("(?is)^(insert|update|delete|merge)\\b.*"));
    }


    private static List<String> names(Mapper mapper, ReadYourWrites reader) {
        return mapper.readOnly(s -> s.select(Writer.class).orderBy(Writer_.id.asc()).all().map(w -> w.name))
                .contextWrite(reader.context()).collectList().block(TIMEOUT);
    }

    // 1. A raw UPDATE ... RETURNING (a query, not counted as a write) commits on the primary but records no position.
    @Test
    void rawReturningWriteInAutocommitIsReadBack() {
        Mapper mapper = mapper(ReplicaOptions.defaults().readYourWritesWait(Duration.ofMillis(300)));
        pair.pauseReplay();
        ReadYourWrites reader = ReadYourWrites.start();
        mapper.withSession(s -> s.sql("UPDATE authors SET name = 'Jane Eyre' WHERE name = 'Jane Austen' RETURNING id")
                        .map(r -> r.get(0, Long.class)).all())
                .contextWrite(reader.context()).blockLast(TIMEOUT);
        assertThat(reader.token()).isNotNull();
        assertThat(primary.statements()).containsExactly(
                "UPDATE authors SET name = 'Jane Eyre' WHERE name = 'Jane Austen' RETURNING id", POSITION);
        assertThat(names(mapper, reader)).as("own committed write").containsExactly("Jane Eyre", "Leo Tolstoy");
    }

    @Test
    void rawReturningWriteInTransactionIsReadBack() {
        Mapper mapper = mapper(ReplicaOptions.defaults().readYourWritesWait(Duration.ofMillis(300)));
        pair.pauseReplay();
        ReadYourWrites reader = ReadYourWrites.start();
        mapper.inTransaction(s -> s.sql("INSERT INTO authors (name) VALUES ('Nikolai Gogol') RETURNING id")
                        .map(r -> r.get(0, Long.class)).all())
                .contextWrite(reader.context()).blockLast(TIMEOUT);
        assertThat(primary.statements()).containsExactly("INSERT INTO authors (name) VALUES ('Nikolai Gogol') RETURNING id", POSITION);
        assertThat(names(mapper, reader)).as("own committed write").containsExactly("Jane Austen", "Leo Tolstoy", "Nikolai Gogol");
    }

    @Test
    void aPositionQueryThatFailsAfterTheCommitIsAskedAgainOnAFreshPrimaryConnection() {
        Mapper mapper = mapper(ReplicaOptions.defaults().readYourWritesWait(Duration.ofMillis(200)));
        pair.pauseReplay();
        ReadYourWrites reader = ReadYourWrites.start();
        primary.failNextMatching("pg_current_wal_insert_lsn");

        mapper.inTransaction(s -> s.add(new Writer("Nikolai Gogol"))).contextWrite(reader.context()).blockLast(TIMEOUT);

        assertThat(primary.pendingFailures()).isZero();
        assertThat(primary.statements()).containsExactly("INSERT INTO authors (name) VALUES ($1) RETURNING id", POSITION, POSITION);
        assertThat(reader.token()).as("the second answer advanced the reader").isNotNull();
        assertThat(names(mapper, reader)).containsExactly("Jane Austen", "Leo Tolstoy", "Nikolai Gogol");
    }

    // 2. Raw UPDATE ... RETURNING in a read-only session is not refused: sent to the replica (which errors).
    @Test
    void readOnlySessionSendsRawReturningWriteToReplica() {
        Mapper mapper = mapper(ReplicaOptions.defaults());
        StepVerifier.create(mapper.readOnly(s -> s.sql("UPDATE authors SET name = 'X' RETURNING id").map(r -> r.get(0, Long.class)).all()))
                .verifyErrorSatisfies(e -> assertThat(((MapperException) e).code()).isEqualTo(ErrorCode.BRAID_READ_ONLY));
        // A raw read is still a read.
        assertThat(mapper.readOnly(s -> s.sql("  /* names */ (SELECT name FROM authors ORDER BY id)").map(r -> r.get(0, String.class)).all())
                .collectList().block(TIMEOUT)).containsExactly("Jane Austen", "Leo Tolstoy");
        assertThat(replica.statements()).noneMatch(sql -> sql.startsWith("UPDATE"));
    }

    // 2b. ... and on the primary fallback, it writes in a read-only session.
    @Test
    void readOnlySessionWritesOnPrimaryFallback() {
        Mapper mapper = mapper(ReplicaOptions.defaults().readYourWritesWait(Duration.ofMillis(100)));
        pair.pauseReplay();
        mapper.inTransaction(s -> s.add(new Writer("Nikolai Gogol"))).blockLast(TIMEOUT); // mapper's latest ahead of replica
        StepVerifier.create(mapper.readOnly(s -> s.sql("UPDATE authors SET name = 'X' WHERE name = 'Leo Tolstoy' RETURNING id")
                        .map(r -> r.get(0, Long.class)).all()))
                .verifyErrorSatisfies(e -> assertThat(((MapperException) e).code()).isEqualTo(ErrorCode.BRAID_READ_ONLY));
        assertThat(pair.sql(false, "SELECT count(*) FROM authors WHERE name = 'X'")).as("read-only session wrote").isEqualTo("0");
    }

    // 3. A readOnly() query in withSession that is cut short (take/next) closes its replica connection twice.
    @Test
    void readOnlyQueryCutShortInWithSession() {
        Mapper mapper = mapper(ReplicaOptions.defaults());
        for (int i = 0; i < 5; i++) {
            mapper.withSession(s -> s.select(Writer.class).readOnly().all().take(1)).blockLast(TIMEOUT);
        }
        assertThat(dropped).isEmpty();
    }

    @Test
    void readOnlySessionCutShort() {
        Mapper mapper = mapper(ReplicaOptions.defaults());
        for (int i = 0; i < 5; i++) {
            mapper.readOnly(s -> s.select(Writer.class).all()).take(1).blockLast(TIMEOUT);
        }
        assertThat(dropped).isEmpty();
    }

    // 4. A replica that stops answering (no error, no reply) holds reads forever: the state query has no timeout.
    @Test
    void hungReplicaStateQueryFallsBackToPrimary() {
        AtomicBoolean hang = new AtomicBoolean();
        ConnectionFactory hanging = hangingOn(replicaPool.pool(), hang);
        Mapper mapper = Mapper.builder(primaryPool.pool(), GraphModel.registry()).replicas(hanging)
                .replicaOptions(ReplicaOptions.defaults().readYourWritesWait(Duration.ofMillis(300)).checkInterval(Duration.ZERO)
                        .acquireTimeout(Duration.ofMillis(300))).build();
        hang.set(true);
        long start = System.nanoTime();
        List<String> read = mapper.readOnly(s -> s.select(Writer.class).all().map(w -> w.name)).collectList()
                .timeout(Duration.ofSeconds(5), Mono.just(List.of("TIMED OUT"))).block(TIMEOUT);
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(read).containsExactlyInAnyOrder("Jane Austen", "Leo Tolstoy");
        assertThat(tookMs).as("the check's limit: acquire timeout + the remaining wait").isBetween(300L, 3000L);
        assertThat(primary.statements()).containsExactly("SELECT authors.id, authors.name FROM authors");
        hang.set(false);
    }

    private static ConnectionFactory hangingOn(ConnectionFactory delegate, AtomicBoolean hang) {
        return new ConnectionFactory() {
            @Override public Publisher<? extends Connection> create() {
                return Mono.from(delegate.create()).map(c -> (Connection) Proxy.newProxyInstance(ReplicaFailureTest.class.getClassLoader(),
                        new Class<?>[] {Connection.class}, (p, m, args) -> {
                            Object r = m.invoke(c, args);
                            if (m.getName().equals("createStatement") && hang.get() && ((String) args[0]).contains("pg_last_wal_replay_lsn")) {
                                Statement st = (Statement) r;
                                return Proxy.newProxyInstance(ReplicaFailureTest.class.getClassLoader(), new Class<?>[] {Statement.class},
                                        (p2, m2, a2) -> m2.getName().equals("execute") ? Flux.never() : m2.invoke(st, a2));
                            }
                            return r;
                        }));
            }
            @Override public ConnectionFactoryMetadata getMetadata() { return delegate.getMetadata(); }
        };
    }

    // 5. Replica 1 fails its check (SKIP: released), replica 2 hangs; the cancel releases replica 1's connection again.
    @Test
    void cancelAfterSkipReleasesTheSkippedConnectionAgain() {
        AtomicBoolean hang = new AtomicBoolean(true);
        ConnectionFactory failing = stateQuery(replicaPool.pool(), hang, true);
        ConnectionFactory hanging = stateQuery(replicaPool.pool(), hang, false);
        Mapper mapper = Mapper.builder(primaryPool.pool(), GraphModel.registry()).replicas(failing, hanging)
                .replicaOptions(ReplicaOptions.defaults().checkInterval(Duration.ZERO)).build();
        mapper.readOnly(s -> s.select(Writer.class).all()).timeout(Duration.ofMillis(300))
                .onErrorResume(e -> Flux.empty()).blockLast(TIMEOUT);
        Mono.delay(Duration.ofMillis(200)).block();
        assertThat(dropped).isEmpty();
    }

    private static ConnectionFactory stateQuery(ConnectionFactory delegate, AtomicBoolean on, boolean fail) {
        return new ConnectionFactory() {
            @Override public Publisher<? extends Connection> create() {
                return Mono.from(delegate.create()).map(c -> (Connection) Proxy.newProxyInstance(ReplicaFailureTest.class.getClassLoader(),
                        new Class<?>[] {Connection.class}, (p, m, args) -> {
                            Object r = m.invoke(c, args);
                            if (m.getName().equals("createStatement") && on.get() && ((String) args[0]).contains("pg_last_wal_replay_lsn")) {
                                Statement st = (Statement) r;
                                return Proxy.newProxyInstance(ReplicaFailureTest.class.getClassLoader(), new Class<?>[] {Statement.class},
                                        (p2, m2, a2) -> m2.getName().equals("execute")
                                                ? (fail ? Flux.error(new IllegalStateException("state query failed")) : Flux.never())
                                                : m2.invoke(st, a2));
                            }
                            return r;
                        }));
            }
            @Override public ConnectionFactoryMetadata getMetadata() { return delegate.getMetadata(); }
        };
    }
}
