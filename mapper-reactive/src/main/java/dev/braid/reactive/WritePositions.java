package dev.braid.reactive;

import dev.braid.dialect.Replication;
import dev.braid.reactive.internal.exec.StatementExecutor;
import dev.braid.statement.RenderedSql;
import dev.braid.statement.StatementOrigin;
import io.r2dbc.spi.Connection;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The log positions of a mapper's commits, for read-your-writes on replicas: after a session that wrote, its
 * connection is asked where the primary's log stands ({@link Replication#commitPositionSql()}), and the position
 * advances the {@link ReadYourWrites} in the subscriber's context and the mapper's own latest one. A read asks
 * {@link #required(ContextView)}: the context's reader's position, or, without one, the mapper's latest.
 */
final class WritePositions {
    private static final Logger LOG = LoggerFactory.getLogger(WritePositions.class);

    private final Replication replication;
    private final StatementExecutor executor;
    private final RenderedSql positionSql;
    private final AtomicLong latest = new AtomicLong();
    private final ConnectionSource primary;

    WritePositions(Replication replication, StatementExecutor executor, ConnectionSource primary) {
        this.replication = replication;
        this.executor = executor;
        this.primary = primary;
        this.positionSql = new RenderedSql(replication.commitPositionSql(), List.of(),
                StatementOrigin.of(StatementOrigin.Kind.SESSION));
    }

    /** The position a read in {@code context} must see: its reader's, else the mapper's latest commit. */
    long required(ContextView context) {
        ReadYourWrites reader = ReadYourWrites.in(context);
        return reader != null ? reader.position() : latest.get();
    }

    /**
     * Asks {@code connection} (on the primary, after the commit) for the log position and records it. When that
     * fails (the connection broke right after COMMIT), a fresh primary connection is asked: any position read after
     * the commit is at or past it. A second failure is logged, not raised: the commit happened; reads then wait for
     * an older position, or the mapper's latest.
     */
    Mono<Void> record(Connection connection) {
        return Mono.deferContextual(context -> position(connection)
                .onErrorResume(first -> Mono.usingWhen(primary.acquire("the log position after a commit"), this::position,
                        c -> Mono.defer(() -> Mono.from(c.close()))))
                .doOnNext(position -> advance(position, ReadYourWrites.in(context)))
                .then()
                .onErrorResume(e -> {
                    LOG.warn("Reading the log position after a commit failed; reads of this write may see a replica"
                            + " that has not replayed it", e);
                    return Mono.empty();
                }));
    }

    private Mono<Long> position(Connection connection) {
        return executor.query(connection, positionSql, row -> row.get(0, String.class)).next().map(replication::parsePosition);
    }

    private void advance(long position, @Nullable ReadYourWrites reader) {
        latest.accumulateAndGet(position, WritePositions::later);
        if (reader != null) reader.advance(position);
    }

    /** The later of two positions (unsigned). */
    static long later(long a, long b) {
        return Long.compareUnsigned(a, b) >= 0 ? a : b;
    }
}
