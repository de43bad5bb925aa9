package dev.braid.reactive;

import dev.braid.reactive.internal.exec.StatementFence;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.function.Supplier;

/**
 * What every operation of a session passes first: the {@link OperationQueue} (one operation at a time, in order)
 * and, for operations that use the connection, the check that the transaction is still active. Shared by
 * the parts of a session ({@link DefaultSession}, {@link SessionQueries}, {@link SessionSql}). Every operation
 * runs with the session's {@link StatementFence} in its context: a write whose caller cancels finishes, and
 * the session's cleanup waits for it.
 */
final class SessionGate {
    private final OperationQueue guard;
    private final SessionTransaction transaction;

    SessionGate(SessionTransaction transaction) {
        this.transaction = transaction;
        this.guard = new OperationQueue(transaction::awaitCleanup);
    }

    SessionTransaction transaction() {
        return transaction;
    }

    /** An operation through the guard, on an active transaction (see {@link SessionTransaction#requireActive}). */
    <T> Mono<T> active(String operation, Supplier<Mono<T>> body) {
        return guard.mono(operation, () -> {
            transaction.requireActive();
            return body.get();
        }).contextWrite(transaction.fence().context());
    }

    /** A streaming operation through the guard, on an active transaction. */
    <T> Flux<T> activeFlux(String operation, Supplier<Flux<T>> body) {
        return guard.flux(operation, () -> {
            transaction.requireActive();
            return body.get();
        }).contextWrite(transaction.fence().context());
    }

    /**
     * A windowed stream through the guard, on an active transaction: operations issued while it runs fail with
     * {@code BRAID_SESSION_BUSY} (it does not read its result into memory to let them run).
     */
    <T> Flux<T> windowedFlux(String operation, Supplier<Flux<T>> body) {
        return guard.windowed(operation, () -> {
            transaction.requireActive();
            return body.get();
        }).contextWrite(transaction.fence().context());
    }

    /** An operation through the guard that does not need an active transaction (rollback, expunge). */
    <T> Mono<T> guarded(String operation, Supplier<Mono<T>> body) {
        return guard.mono(operation, body).contextWrite(transaction.fence().context());
    }

    /** Waiting and later operations fail: the session is closed. */
    void close() {
        guard.close();
    }
}
