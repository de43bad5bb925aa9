package dev.braid.reactive;

import dev.braid.dialect.Replication;
import dev.braid.error.ConnectionUnavailableException;
import dev.braid.reactive.internal.exec.StatementExecutor;
import dev.braid.reactive.internal.route.ReplicaState;
import dev.braid.statement.RenderedSql;
import dev.braid.statement.StatementOrigin;
import io.r2dbc.spi.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Chooses a replica connection for a read that must see a given log position, or none (the read then runs on the
 * primary). Replicas are tried in turn from a rotating start: one left alone after a failure, or lagging beyond
 * {@link ReplicaOptions#maxLag()} by a fresh answer, is skipped; one that cannot be reached is left alone for
 * {@link ReplicaOptions#downFor()}. A replica is asked for its state ({@link Replication#replicaStateSql()}) only
 * when its last answer is older than {@link ReplicaOptions#checkInterval()} or had not replayed the position the
 * read needs; a read whose position it has not replayed asks again every {@link ReplicaOptions#pollInterval()}
 * until it has, or until {@link ReplicaOptions#readYourWritesWait()} is over: then the primary serves the read.
 * Waiting never blocks a thread (a timer between polls), and a connection taken for a read that is cancelled or
 * not used goes back to its pool.
 */
final class ReplicaRouter {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicaRouter.class);

    private record Replica(ConnectionSource source, ReplicaState state) { }

    private enum Verdict { USE, SKIP, PRIMARY, WAIT }

    private record Answer(@org.jspecify.annotations.Nullable String replayed, long lagMillis) { }

    private final List<Replica> replicas;
    private final Replication replication;
    private final StatementExecutor executor;
    private final ReplicaOptions options;
    private final RenderedSql stateSql;
    private final AtomicInteger next = new AtomicInteger();

    ReplicaRouter(List<ConnectionSource> sources, Replication replication, StatementExecutor executor,
                  ReplicaOptions options) {
        this.replicas = new java.util.ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            replicas.add(new Replica(sources.get(i), new ReplicaState("replica " + (i + 1), options.maxLag().toMillis(),
                    options.checkInterval().toNanos(), options.downFor().toNanos())));
        }
        this.replication = replication;
        this.executor = executor;
        this.options = options;
        this.stateSql = new RenderedSql(replication.replicaStateSql(), List.of(), StatementOrigin.of(StatementOrigin.Kind.SESSION));
    }

    /**
     * A connection to a replica that has replayed {@code required} (0: any position), or empty when no replica
     * can serve the read in time.
     */
    Mono<Connection> connection(long required, String operation) {
        return Mono.defer(() -> attempt(Math.floorMod(next.getAndIncrement(), replicas.size()), 0, required, operation));
    }

    private Mono<Connection> attempt(int start, int tried, long required, String operation) {
        if (tried == replicas.size()) return Mono.empty();
        Replica replica = replicas.get((start + tried) % replicas.size());
        Mono<Connection> nextReplica = Mono.defer(() -> attempt(start, tried + 1, required, operation));
        if (!replica.state().usable(System.nanoTime())) return nextReplica;
        return replica.source().acquire(operation)
                .map(java.util.Optional::of)
                .onErrorResume(e -> {
                    unreachable(replica, e);
                    return Mono.just(java.util.Optional.empty());
                })
                .flatMap(acquired -> {
                    if (acquired.isEmpty()) return nextReplica;
                    Connection connection = acquired.get();
                    return verdict(replica, connection, required)
                            .doOnCancel(() -> releaseLater(connection))
                            .flatMap(verdict -> switch (verdict) {
                                case USE -> Mono.just(connection);
                                case PRIMARY -> release(connection).then(Mono.<Connection>empty());
                                default -> release(connection).then(nextReplica);
                            });
                })
                .doOnDiscard(Connection.class, ReplicaRouter::releaseLater);
    }

    // Whether the replica can serve a read of `required`: from its last answer if that is fresh, else asked.
    private Mono<Verdict> verdict(Replica replica, Connection connection, long required) {
        if (!replica.state().needsCheck(required, System.nanoTime())) return Mono.just(Verdict.USE);
        long deadline = System.nanoTime() + options.readYourWritesWait().toNanos();
        return check(replica, connection, required).flatMap(v -> v == Verdict.WAIT ? poll(replica, connection, required, deadline)
                : Mono.just(v));
    }

    private Mono<Verdict> poll(Replica replica, Connection connection, long required, long deadline) {
        if (System.nanoTime() - deadline >= 0) return Mono.just(Verdict.PRIMARY);
        return Mono.delay(options.pollInterval())
                .then(check(replica, connection, required))
                .flatMap(v -> v == Verdict.WAIT ? poll(replica, connection, required, deadline) : Mono.just(v));
    }

    private Mono<Verdict> check(Replica replica, Connection connection, long required) {
        return executor.query(connection, stateSql, row -> new Answer(row.get(0, String.class),
                        orZero(row.get(1, Long.class))))
                .single()
                .map(answer -> {
                    String replayed = answer.replayed();
                    if (replayed == null) {
                        LOG.warn("{} replays no log (it is not a replica, or was promoted): reads skip it", replica.state());
                        replica.state().down(System.nanoTime());
                        return Verdict.SKIP;
                    }
                    replica.state().answered(replication.parsePosition(replayed), answer.lagMillis(), System.nanoTime());
                    if (!replica.state().withinLag()) {
                        LOG.debug("{} lags {} ms behind the primary: reads skip it", replica.state(), answer.lagMillis());
                        return Verdict.SKIP;
                    }
                    return replica.state().replayed(required) ? Verdict.USE : Verdict.WAIT;
                })
                .onErrorResume(e -> {
                    unreachable(replica, e);
                    return Mono.just(Verdict.SKIP);
                });
    }

    private static long orZero(@org.jspecify.annotations.Nullable Long value) {
        return value == null ? 0 : value;
    }

    // A replica whose pool is only busy is not left alone: the next read may find a free connection.
    private void unreachable(Replica replica, Throwable error) {
        boolean busy = error instanceof ConnectionUnavailableException && error.getCause() instanceof TimeoutException;
        if (!busy) replica.state().down(System.nanoTime());
        LOG.warn("{} could not serve a read{}: {}", replica.state(), busy ? "" : " and is left alone for "
                + options.downFor(), error.getMessage());
    }

    private static Mono<Void> release(Connection connection) {
        return Mono.from(connection.close()).onErrorResume(e -> {
            LOG.warn("Releasing a replica connection failed", e);
            return Mono.empty();
        });
    }

    private static void releaseLater(Connection connection) {
        release(connection).subscribe();
    }
}
