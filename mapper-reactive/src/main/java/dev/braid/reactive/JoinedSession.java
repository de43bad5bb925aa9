package dev.braid.reactive;

import org.jspecify.annotations.Nullable;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.function.Function;

/**
 * A mapper's session inside a transaction managed elsewhere ({@link ExternalTransactions}): every
 * {@code withSession}/{@code inTransaction} of the mapper in that transaction runs its work in this one
 * session (one identity map, the transaction's connection), each followed by a flush so other code in the
 * transaction (e.g. Spring's {@code DatabaseClient}) sees the writes. Pending changes are flushed again
 * before the commit. A Braid {@code inTransaction} that fails or is cancelled inside the managed transaction
 * makes it roll back (as a failing {@code REQUIRED} participant does in Spring): the commit is refused.
 */
final class JoinedSession implements TransactionParticipant {
    private final DefaultSession session;
    private final SessionBudgets budgets;
    // Why the transaction can only roll back, once a joined inTransaction failed or was cancelled.
    private volatile @Nullable String rollbackOnly;

    JoinedSession(DefaultSession session, SessionBudgets budgets) {
        this.session = session;
        this.budgets = budgets;
    }

    /**
     * Runs {@code work} in the session, then flushes.
     *
     * @param boundary the Braid operation when it is a transaction boundary (its failure or cancel dooms the
     *                 managed transaction), else null
     */
    <T> Flux<T> run(Function<Session, ? extends Publisher<T>> work, @Nullable String boundary) {
        Flux<T> body = Flux.deferContextual(context -> {
            session.adoptBudget(budgets.meterFor(context));
            return Flux.from(work.apply(session));
        }).concatWith(session.flushAtEnd());
        if (boundary == null) {
            return body;
        }
        return body.doOnError(e -> rollbackOnly = boundary + " failed (" + e.getMessage() + ")")
                .doOnCancel(() -> rollbackOnly = boundary + " was cancelled before it completed");
    }

    @Override
    public Mono<Void> beforeCommit() {
        return Mono.defer(() -> {
            String reason = rollbackOnly;
            if (reason != null) {
                return Mono.error(new MapperException(ErrorCode.BRAID_SESSION_INACTIVE, "The managed transaction"
                        + " cannot commit: " + reason + " inside it, and a failed or cancelled inTransaction rolls"
                        + " back. Fix: let the error end the transaction (it is rolled back now), or, to keep the"
                        + " transaction going after such an error, use session.nested(...) (a savepoint) for the"
                        + " part that may fail"));
            }
            return session.flushBeforeExternalCommit();
        });
    }

    @Override
    public Mono<Void> beforeCompletion() {
        return session.endStatements();
    }

    @Override
    public Mono<Void> afterCompletion(boolean committed) {
        // With replicas, a committed transaction's log position is read on its connection, still held here.
        return Mono.fromRunnable(() -> session.endExternal(committed))
                .then(committed ? session.recordExternalCommit() : Mono.<Void>empty());
    }

    /** The error of {@code session.commit()}/{@code rollback()} in a session that joined a transaction managed elsewhere. */
    static MapperException managedElsewhere(String operation) {
        return new MapperException(ErrorCode.BRAID_ENTITY_STATE, "session." + operation + " was called in a session"
                + " that joined a transaction managed elsewhere (e.g. Spring's @Transactional or TransactionalOperator):"
                + " that transaction manager commits or rolls it back, Braid does not. Fix: let the managed"
                + " transaction end (return from the @Transactional method; an error rolls it back), use"
                + " session.nested(...) for a savepoint, or mapper.independent() for work that commits on its own");
    }
}
