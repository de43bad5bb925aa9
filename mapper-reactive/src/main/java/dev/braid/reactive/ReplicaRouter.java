package dev.braid.reactive;

import dev.braid.dialect.Replication;
import dev.braid.error.ConnectionUnavailableException;
import dev.braid.reactive.internal.exec.StatementExecutor;
import dev.braid.reactive.internal.route.ReplicaState;
import dev.braid.statement.RenderedSql;
import dev.braid.statement.StatementOrigin;
import io.r2dbc.spi.Connection;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Chooses a replica connection for a read that must see a given log position, or none (the read then runs on the
 * primary). Replicas are tried in turn from a rotating start: one left alone after a failure, or lagging beyond
 * {@link ReplicaOptions#maxLag()} by a fresh answer, is skipped; one that cannot be reached, or does not answer its
 * check in time, is left alone for {@link ReplicaOptions#downFor()}. A replica is asked for its state
 * ({@link Replication#replicaStateSql()}) only when its last answer is older than {@link ReplicaOptions#checkInterval()}
 * or had not replayed the position the read needs; a read whose position it has not replayed asks again every
 * {@link ReplicaOptions#pollInterval()} until it has, or until {@link ReplicaOptions#readYourWritesWait()} is over:
 * then the primary serves the read. Waiting never blocks a thread (a timer between polls). A connection taken for a
 * read is released exactly once when it is not handed over (skipped, waited out, cancelled, failed); once handed
 * over it is the caller's.
 */
final class ReplicaRouter {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicaRouter.class);

    private record Replica(ConnectionSource source, ReplicaState state) { }

    private enum Verdict { USE, SKIP, PRIMARY, WAIT }

    private record Answer(@Nullable String replayed, long lagMillis) { }

    /** One acquired connection until it is handed over or released, whichever comes first. */
    private static final class Held {
        final Connection connection;
        private final AtomicBoolean owned = new AtomicBoolean(true);

        Held(Connection connection) {
            this.connection = connection;
        }

        /** Gives the connection to the caller: true unless it was released already. */
        boolean handOver() {
            return owned.compareAndSet(true, false);
        }

        Mono<Void> release() {
            return Mono.defer(() -> owned.compareAndSet(true, false) ? close(connection) : Mono.<Void>empty());
        }
    }

    // Acquisitions tried again after a failure that is not a busy pool's timeout (stale connections of a restarted server).
    private static final int STALE_RETRIES = 3;

    private final List<Replica> replicas;
    private final Replication replication;
    private final StatementExecutor executor;
    private final ReplicaOptions options;
    private final RenderedSql stateSql;
    private final AtomicInteger next = new AtomicInteger();

    ReplicaRouter(List<ConnectionSource> sources, Replication replication, StatementExecutor executor,
                  ReplicaOptions options) {
        this.replicas = new ArrayList<>();
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
        // A pool hands out a connection of a restarted replica, fails its validation and discards it: the next ones
        // may be stale too, so a failed acquisition is tried again at once (a busy pool's timeout is not).
        return replica.source().acquire(operation)
                .retryWhen(reactor.util.retry.Retry.max(STALE_RETRIES).filter(e -> !busy(e)))
                .map(connection -> Optional.of(new Held(connection)))
                .onErrorResume(e -> {
                    unreachable(replica, e);
                    return Mono.just(Optional.empty());
                })
                .flatMap(acquired -> acquired.isEmpty() ? nextReplica : decide(replica, acquired.get(), required, nextReplica));
    }

    // The held connection goes to the caller (USE), or is released before the primary or the next replica is tried;
    // released too when the caller cancels before it was handed over.
    private Mono<Connection> decide(Replica replica, Held held, long required, Mono<Connection> nextReplica) {
        return verdict(replica, held.connection, required)
                .flatMap(verdict -> switch (verdict) {
                    case USE -> held.handOver() ? Mono.just(held.connection) : Mono.<Connection>empty();
                    case PRIMARY -> held.release().then(Mono.<Connection>empty());
                    default -> held.release().then(nextReplica);
                })
                .doOnCancel(() -> held.release().subscribe())
                .doOnError(e -> held.release().subscribe());
    }

    // Whether the replica can serve a read of `required`: from its last answer if that is fresh, else asked.
    private Mono<Verdict> verdict(Replica replica, Connection connection, long required) {
        if (!replica.state().needsCheck(required, System.nanoTime())) return Mono.just(Verdict.USE);
        long deadline = System.nanoTime() + options.readYourWritesWait().toNanos();
        return check(replica, connection, required, deadline)
                .flatMap(v -> v == Verdict.WAIT ? poll(replica, connection, required, deadline) : Mono.just(v));
    }

    private Mono<Verdict> poll(Replica replica, Connection connection, long required, long deadline) {
        if (System.nanoTime() - deadline >= 0) return Mono.just(Verdict.PRIMARY);
        return Mono.delay(options.pollInterval())
                .then(check(replica, connection, required, deadline))
                .flatMap(v -> v == Verdict.WAIT ? poll(replica, connection, required, deadline) : Mono.just(v));
    }

    // One question to the replica; one that does not answer within the read's remaining wait (at least the acquire
    // timeout) counts as unreachable.
    private Mono<Verdict> check(Replica replica, Connection connection, long required, long deadline) {
        return Mono.defer(() -> {
            long askedAt = System.nanoTime();
            Duration limit = options.acquireTimeout().plusNanos(Math.max(0, deadline - askedAt));
            return executor.query(connection, stateSql, row -> new Answer(row.get(0, String.class), orZero(row.get(1, Long.class))))
                    .single()
                    .timeout(limit)
                    .map(answer -> verdictOf(replica, answer, required, askedAt))
                    .onErrorResume(e -> {
                        unreachable(replica, e);
                        return Mono.just(Verdict.SKIP);
                    });
        });
    }

    private Verdict verdictOf(Replica replica, Answer answer, long required, long askedAt) {
        String replayed = answer.replayed();
        if (replayed == null) {
            LOG.warn("{} replays no log (it is not a replica, or was promoted): reads skip it", replica.state());
            replica.state().down(System.nanoTime());
            return Verdict.SKIP;
        }
        long position = replication.parsePosition(replayed);
        replica.state().answered(position, answer.lagMillis(), askedAt);
        if (answer.lagMillis() > options.maxLag().toMillis()) {
            LOG.debug("{} lags {} ms behind the primary: reads skip it", replica.state(), answer.lagMillis());
            return Verdict.SKIP;
        }
        return Long.compareUnsigned(position, required) >= 0 ? Verdict.USE : Verdict.WAIT;
    }

    private static long orZero(@Nullable Long value) {
        return value == null ? 0 : value;
    }

    // A replica whose pool is only busy is not left alone: the next read may find a free connection.
    private void unreachable(Replica replica, Throwable error) {
        Throwable cause = reactor.core.Exceptions.unwrap(error);
        if (reactor.core.Exceptions.isRetryExhausted(error) && error.getCause() != null) cause = error.getCause();
        boolean busy = busy(cause);
        if (!busy) replica.state().down(System.nanoTime());
        LOG.warn("{} could not serve a read{}: {}", replica.state(), busy ? "" : " and is left alone for "
                + options.downFor(), cause.toString());
    }

    private static boolean busy(Throwable error) {
        return error instanceof ConnectionUnavailableException && error.getCause() instanceof TimeoutException;
    }

    private static Mono<Void> close(Connection connection) {
        return Mono.defer(() -> Mono.from(connection.close())).onErrorResume(e -> {
            LOG.warn("Releasing a replica connection failed", e);
            return Mono.empty();
        });
    }
}
