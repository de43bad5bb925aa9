package dev.braid.reactive;

import dev.braid.statement.RenderedSql;
import dev.braid.statement.StatementOrigin;
import dev.braid.dialect.Dialect;
import dev.braid.reactive.internal.exec.StatementExecutor;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.IsolationLevel;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.function.Supplier;

/**
 * BEGIN, COMMIT and ROLLBACK on one session's connection, every BEGIN at the session's isolation
 * level, applied the way the database honours it (see {@link Dialect#isolationBeforeBegin}).
 *
 * <p>Each of them runs to its end even when its caller is cancelled (drivers finish them on the wire
 * anyway), and {@link #settled()} lets the cleanup wait for the last one. Drivers decide whether a
 * ROLLBACK is needed from the transaction status they last saw: one decided while a BEGIN is still in
 * flight sees "no transaction", is skipped, and the connection goes back to the pool with a transaction
 * open, in which the next user's BEGIN (and its isolation level) is then silently ignored.
 */
final class TransactionControl {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionControl.class);

    private final Connection connection;
    private final StatementExecutor executor;
    private final Dialect dialect;
    private final IsolationLevel isolation;
    private volatile Mono<Void> inFlight = Mono.empty();
    // Set once the dialect's isolation statements ran: the connection must be reset before release.
    private volatile boolean isolationChanged;

    /** @param isolation the level of every transaction begun here; null for the database's default */
    TransactionControl(Connection connection, StatementExecutor executor, Dialect dialect, IsolationLevel isolation) {
        this.connection = connection;
        this.executor = executor;
        this.dialect = dialect;
        this.isolation = isolation;
    }

    /**
     * Begins a transaction at the session's level. A connection handed out inside a transaction (left
     * open by an earlier user) is rolled back first: a BEGIN there would be ignored, and the work would
     * run in that transaction, at its level.
     */
    Mono<Void> begin() {
        return control(() -> leftoverRollback()
                .then(Mono.defer(this::applyIsolation))
                .then(Mono.defer(() -> Mono.from(beginCall())))
                .onErrorMap(e -> executor.errors().exception(e, "BEGIN")));
    }

    /** Commits; a connection lost meanwhile reads as {@code BRAID_COMMIT_OUTCOME_UNKNOWN}. */
    Mono<Void> commit() {
        return control(() -> Mono.from(connection.commitTransaction()).onErrorMap(e -> executor.errors().exception(e, "COMMIT")));
    }

    /** Rolls back (drivers skip it when no transaction is open). */
    Mono<Void> rollback() {
        return control(() -> Mono.from(connection.rollbackTransaction()).onErrorMap(e -> executor.errors().exception(e, "ROLLBACK")));
    }

    /** Completes when the last BEGIN, COMMIT or ROLLBACK has finished, whatever its outcome. */
    Mono<Void> settled() {
        return Mono.defer(() -> inFlight);
    }

    /**
     * Puts the connection back to the database's default level if a transaction changed it, so the
     * pool's next user does not inherit it. A failure is logged: the connection is released anyway.
     */
    Mono<Void> resetIsolation() {
        return Mono.defer(() -> {
            if (!isolationChanged) return Mono.<Void>empty();
            return statements(dialect.isolationAfterEnd(isolation.asSql()))
                    .doOnSuccess(v -> isolationChanged = false)
                    .onErrorResume(e -> {
                        LOG.warn("Resetting the isolation level before releasing the connection failed", e);
                        return Mono.empty();
                    });
        });
    }

    // Where the dialect sets the level beforehand, a plain BEGIN (r2dbc-h2 would add its SET LOCK_MODE);
    // elsewhere the driver renders BEGIN ISOLATION LEVEL ... itself.
    private Publisher<Void> beginCall() {
        boolean levelWithBegin = isolation != null && dialect.isolationBeforeBegin(isolation.asSql()).isEmpty();
        return levelWithBegin ? connection.beginTransaction(isolation) : connection.beginTransaction();
    }

    private Mono<Void> applyIsolation() {
        if (isolation == null) return Mono.empty();
        List<String> before = dialect.isolationBeforeBegin(isolation.asSql());
        if (before.isEmpty()) return Mono.empty();
        isolationChanged = true; // set first: a statement that fails half-way still gets the reset
        return statements(before);
    }

    private Mono<Void> leftoverRollback() {
        return Mono.defer(() -> {
            if (connection.isAutoCommit()) return Mono.<Void>empty();
            LOG.warn("The connection was handed out inside an open transaction (an earlier user did not end it);"
                    + " rolling it back before BEGIN");
            return Mono.from(connection.rollbackTransaction());
        });
    }

    private Mono<Void> statements(List<String> sqls) {
        return Flux.fromIterable(sqls)
                .concatMap(sql -> executor.execute(connection, new RenderedSql(sql, List.of(), StatementOrigin.of(StatementOrigin.Kind.SESSION))))
                .then();
    }

    // Subscribed at once and cached: a cancelled caller stops waiting, the operation goes on, and
    // settled() completes only when it is done.
    private Mono<Void> control(Supplier<Mono<Void>> operation) {
        return Mono.defer(() -> {
            Mono<Void> running = Mono.defer(operation).cache();
            inFlight = running.onErrorResume(e -> Mono.empty());
            running.subscribe(null, e -> { }); // the caller gets the error; this subscriber only keeps it running
            return running;
        });
    }
}
