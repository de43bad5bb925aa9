package dev.braid.reactive;

import reactor.core.publisher.Mono;

/**
 * A {@link Mapper}'s part in a transaction managed elsewhere (see {@link ExternalTransactions}): one session
 * whose pending changes are flushed before the commit and whose objects follow the transaction's outcome.
 * Braid implements it; an {@link ExternalTransactions} implementation calls it.
 */
public interface TransactionParticipant {

    /**
     * Flushes the session's pending changes; called before the transaction commits (not before a rollback).
     *
     * @return completes when flushed; errors when the flush fails, when an earlier flush in this transaction
     *         failed ({@code BRAID_SESSION_INACTIVE}), or when a Braid {@code inTransaction(...)} that joined the
     *         transaction failed or was cancelled: the transaction must then roll back instead of committing
     */
    Mono<Void> beforeCommit();

    /**
     * Waits for the cleanup of cancelled operations (a cursor to close, a result to drain), so that COMMIT or
     * ROLLBACK is never sent while Braid still reads a result on the connection.
     *
     * @return completes when the connection is free
     */
    Mono<Void> beforeCompletion();

    /**
     * Ends the session: after a commit its flushed objects count as persistent; after a rollback what its
     * flushes did to objects (generated keys, states) is undone. The session is closed afterwards. With
     * replicas, after a commit that wrote, the primary's log position is read on the connection (still open) and
     * advances the subscriber's {@link ReadYourWrites}.
     *
     * @param committed whether the transaction committed
     * @return completes when done (never errors)
     */
    Mono<Void> afterCompletion(boolean committed);
}
