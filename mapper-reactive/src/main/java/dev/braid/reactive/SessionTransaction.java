package dev.braid.reactive;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.core.internal.plan.flush.FlushPlan;
import dev.braid.core.internal.plan.flush.UnitOfWork;
import dev.braid.reactive.internal.exec.StatementExecutor;
import dev.braid.reactive.internal.exec.StatementFence;
import dev.braid.reactive.internal.flush.FlushExecutor;
import io.r2dbc.spi.Connection;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A session's connection and its transaction scope: BEGIN/COMMIT/ROLLBACK (through
 * {@link TransactionControl}), savepoints, the flushes whose effects are not committed yet (undone on
 * rollback), the inactive state after a failed flush, the cleanup of cancelled operations (which
 * every later use of the connection waits for), and the release of the connection.
 *
 * <p>Without a surrounding transaction ({@code transactional == false}) each flush is a transaction
 * of its own.
 */
final class SessionTransaction {
    private static final Logger LOG = LoggerFactory.getLogger(SessionTransaction.class);

    private final Connection connection;
    private final StatementExecutor executor;
    private final FlushExecutor flushExecutor;
    private final FlushPlanning planning;
    private final UnitOfWork unitOfWork;
    private final boolean transactional;
    // The transaction is someone else's (see ExternalTransactions): no BEGIN, COMMIT or ROLLBACK of ours.
    private final boolean external;
    private final TransactionControl tx;
    // Flushes whose effects are not committed yet: undone if the transaction rolls back.
    private final List<FlushPlan> uncommitted = new ArrayList<>();
    // A non-transactional session wraps each flush in its own transaction (see FlushTransactions).
    private final FlushTransactions own;
    // Set when a flush failed inside the transaction: the database may hold part of it, so the
    // transaction can only roll back (SQLAlchemy's "inactive transaction").
    private volatile Throwable failedFlush;
    private volatile Mono<Void> pendingCleanup = Mono.empty();
    // A write whose caller cancelled runs to its end: cleanup waits for it, so the ROLLBACK cannot overtake it.
    private final StatementFence fence = new StatementFence();
    // The mapper's replicas (for the commit positions of this session's writes), or null; and the writes whose
    // position was last recorded.
    private final @Nullable ReplicaReads replicas;
    private volatile long writesRecorded;
    // Savepoint and cursor names: unique within this session's connection, which is all they need.
    private final AtomicInteger names = new AtomicInteger();

    SessionTransaction(Connection connection, StatementExecutor executor, FlushExecutor flushExecutor,
                       UnitOfWork unitOfWork, boolean transactional, boolean external, TransactionControl tx,
                       dev.braid.reactive.internal.flush.@Nullable BeforeFlush beforeFlush, @Nullable ReplicaReads replicas) {
        this.replicas = replicas;
        this.planning = new FlushPlanning(connection, unitOfWork, beforeFlush);
        this.connection = connection;
        this.external = external;
        this.executor = executor;
        this.flushExecutor = flushExecutor;
        this.unitOfWork = unitOfWork;
        this.transactional = transactional;
        this.tx = tx;
        this.own = new FlushTransactions(tx);
    }

    Connection connection() {
        return connection;
    }

    /** How the session's driver errors read as Braid's. */
    dev.braid.reactive.internal.exec.ErrorTranslator errors() {
        return executor.errors();
    }

    /** Orders this session's statements against the end of its transaction (see {@link StatementFence}). */
    StatementFence fence() {
        return fence;
    }

    boolean transactional() {
        return transactional;
    }

    /** The mapper's replicas, or null when it has none. */
    @Nullable ReplicaReads replicas() {
        return replicas;
    }

    /**
     * With replicas, after this session wrote: records the primary's log position (see {@link WritePositions}), so
     * that later reads on replicas wait for these writes. Run after each commit's last write has ended.
     */
    Mono<Void> recordPosition() {
        return recordPosition(false);
    }

    /** {@link #recordPosition()}; {@code always}: also when Braid wrote nothing (others may have, in a managed transaction). */
    Mono<Void> recordPosition(boolean always) {
        return Mono.defer(() -> {
            long writes = fence.writes();
            if (replicas == null || (!always && writes == writesRecorded)) return Mono.<Void>empty();
            return replicas.positions().record(connection).doOnSuccess(v -> writesRecorded = writes);
        });
    }

    /** A name unique on this connection, e.g. for a cursor or a savepoint. */
    String nextName(String prefix) {
        return prefix + names.incrementAndGet();
    }

    /** Fails when a flush failed in this transaction: it can only roll back now. */
    void requireActive() {
        Throwable cause = failedFlush;
        if (cause != null) {
            throw new MapperException(ErrorCode.BRAID_SESSION_INACTIVE, "This session's transaction is inactive: a"
                    + " flush failed in it (" + cause.getMessage() + "), so the database may hold part of that flush"
                    + " and the transaction can only roll back. Fix: let the error end the transaction (it rolls back),"
                    + " then retry the work in a new transaction", cause);
        }
    }

    /**
     * Starts the cleanup of a cancelled operation at once (a cursor to close, a transaction to roll
     * back) and makes every later use of the connection, its release included, wait for it.
     */
    void afterCancel(Mono<Void> cleanupAction) {
        Mono<Void> running = cleanupAction.onErrorResume(e -> {
            LOG.warn("Cleaning up after a cancelled operation failed", e);
            return Mono.empty();
        }).cache();
        running.subscribe();
        Mono<Void> before = pendingCleanup;
        pendingCleanup = before.then(running);
    }

    /** Completes when the cleanups of cancelled operations have run and the last write has ended. */
    Mono<Void> awaitCleanup() {
        return Mono.defer(() -> pendingCleanup).then(fence.settled());
    }

    /**
     * Before the transaction ends (ROLLBACK, release, an external COMMIT or ROLLBACK): waits for the cleanups
     * of cancelled operations and for the last write, and refuses every statement started from now on.
     */
    Mono<Void> endStatements() {
        return Mono.defer(() -> pendingCleanup).then(fence.close());
    }

    /** Flush before a query so it never returns results that contradict pending changes (autoflush). */
    Mono<Void> autoflush() {
        return awaitCleanup().then(Mono.defer(this::flush));
    }

    /** Plans a flush and runs it (in its own transaction when the session has none). */
    Mono<Void> flush() {
        return flush(null);
    }

    /**
     * Plans a flush and runs it, after the lifecycle callbacks and the sequence keys (when the mapper has them);
     * {@code counts}, when given, adds up the rows each statement wrote.
     */
    Mono<Void> flush(@Nullable FlushCounts counts) {
        return planning.plan().flatMap(plan -> write(plan, counts));
    }

    /**
     * Runs a plan as a flush (in its own transaction when the session has none): a flush's, or a delete by
     * keys'; {@code counts}, when given, adds up the rows each statement wrote.
     */
    Mono<Void> write(FlushPlan plan, @Nullable FlushCounts counts) {
        if (plan.isEmpty()) {
            return Mono.empty();
        }
        if (fence.isReadOnly()) {
            return Mono.error(StatementFence.readOnlyRefusal(null));
        }
        // A write left running by a cancelled operation finishes first (its statement must not overlap ours).
        if (transactional) {
            return awaitCleanup().then(flushExecutor.execute(connection, plan, counts))
                    .doOnSuccess(v -> uncommitted.add(plan))
                    .doOnError(e -> failedFlush = e)
                    .doOnCancel(() -> failedFlush = new MapperException(ErrorCode.BRAID_SESSION_INACTIVE,
                            "the flush was cancelled"));
        }
        // Without a surrounding transaction each flush is atomic on its own.
        return ownTransaction(flushExecutor.execute(connection, plan, counts), plan::complete, plan::abort);
    }

    /**
     * Keeps the undo of what a statement outside a flush (a bulk update) changed on the session's objects,
     * with the transaction's flushes: run if the transaction (or the savepoint around it) rolls back.
     */
    void uncommittedWrite(java.util.Deque<Runnable> undo) {
        if (transactional && !undo.isEmpty()) uncommitted.add(FlushPlan.undoOnly(undo));
    }

    /**
     * Runs statements sent outside a flush that must be atomic (a bulk update that locks its rows, updates them and
     * reads them back): inside the session's transaction as they are, their undo kept with its flushes; without one,
     * in a transaction of their own, their undo run if it does not commit.
     *
     * @param work the statements, given where to push the undo of what they change on the session's objects
     */
    <T> Mono<T> atomic(java.util.function.Function<java.util.function.Consumer<java.util.Deque<Runnable>>, Mono<T>> work) {
        if (fence.isReadOnly()) {
            return Mono.error(StatementFence.readOnlyRefusal(null));
        }
        if (transactional) {
            return work.apply(this::uncommittedWrite);
        }
        java.util.Deque<Runnable> undo = new java.util.ArrayDeque<>();
        return ownTransaction(Mono.defer(() -> work.apply(undo::addAll)), undo::clear, () -> FlushPlan.undoOnly(undo).abort());
    }

    // Without a surrounding transaction: work in a transaction of its own, after the write a cancelled operation left.
    private <T> Mono<T> ownTransaction(Mono<T> work, Runnable committed, Runnable abort) {
        return own.run(awaitCleanup(), work, committed, abort);
    }

    /** {@link Session#commit()}: flush, commit and begin the next transaction (without one: flush). */
    Mono<Void> commit() {
        if (external) {
            return Mono.error(JoinedSession.managedElsewhere("commit()"));
        }
        if (!transactional) {
            return autoflush();
        }
        // The next transaction begins at the session's isolation level too.
        return autoflush()
                .then(tx.commit())
                .doOnSuccess(v -> completeUncommitted())
                .then(recordPosition())
                .then(tx.begin());
    }

    /** {@link Session#rollback()}: roll back, revert the objects, begin the next transaction. */
    Mono<Void> rollback() {
        if (external) {
            return Mono.error(JoinedSession.managedElsewhere("rollback()"));
        }
        if (!transactional) {
            return Mono.fromRunnable(unitOfWork::revertToDatabase);
        }
        return awaitCleanup()
                .then(tx.rollback())
                .then(Mono.fromRunnable(() -> {
                    undoUncommitted();
                    unitOfWork.revertToDatabase();
                    failedFlush = null;
                }))
                .then(tx.begin());
    }

    /** The flushes in this transaction whose effects are not committed yet. */
    int uncommittedFlushes() {
        return uncommitted.size();
    }

    /**
     * After rolling back to a savepoint set when {@code flushesBefore} flushes were uncommitted: undoes what the
     * later flushes did to objects, reverts the objects to the database, and makes the transaction active again.
     */
    void undoFlushesAfter(int flushesBefore) {
        while (uncommitted.size() > flushesBefore) {
            uncommitted.remove(uncommitted.size() - 1).abort();
        }
        unitOfWork.revertToDatabase();
        failedFlush = null;
    }

    /** Begins the scope's transaction. */
    Mono<Void> beginScope() {
        return tx.begin();
    }

    /** Commits the scope's transaction; the flushes in it become committed. */
    Mono<Void> commitScope() {
        return awaitCleanup().then(tx.commit()).doOnSuccess(v -> completeUncommitted());
    }

    // Cleanup waits for a BEGIN or COMMIT still in flight (a cancelled one goes on): decided earlier,
    // the ROLLBACK would be skipped and the connection released inside a transaction.
    /** Rolls the scope's transaction back (quietly) and undoes its flushes' effects on objects. */
    Mono<Void> rollbackScope() {
        return endStatements().then(tx.settled()).then(own.rollbackQuietly()).then(Mono.fromRunnable(() -> {
            undoUncommitted();
            writesRecorded = fence.writes(); // rolled back: no position to wait for
        }));
    }

    /** After a failed session without a transaction: rolls back a flush transaction left open. */
    Mono<Void> endFailedFlush() {
        return endStatements().then(tx.settled())
                .then(Mono.defer(() -> own.open() ? own.rollbackQuietly() : Mono.<Void>empty()));
    }

    /** Resets the connection's isolation level if needed and closes it (returns it to its pool). */
    Mono<Void> release() {
        return endStatements().then(tx.settled()).then(recordPosition()).then(tx.resetIsolation())
                .then(Mono.defer(() -> Mono.from(connection.close()))).onErrorResume(e -> {
                    LOG.warn("Closing the connection failed", e);
                    return Mono.empty();
                });
    }

    /**
     * After the external transaction ended: its flushes' effects on objects become committed, or are undone
     * after a rollback (as {@link #rollbackScope()} does for a transaction of our own).
     */
    void externalCompletion(boolean committed) {
        if (committed) {
            completeUncommitted();
        } else {
            undoUncommitted();
        }
    }

    private void completeUncommitted() {
        uncommitted.forEach(FlushPlan::complete);
        uncommitted.clear();
    }

    private void undoUncommitted() {
        for (int i = uncommitted.size() - 1; i >= 0; i--) {
            uncommitted.get(i).abort();
        }
        uncommitted.clear();
    }
}
