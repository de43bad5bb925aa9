package dev.braid.reactive;

import dev.braid.core.internal.plan.flush.KeyDeletes;
import dev.braid.core.internal.plan.flush.UnitOfWork;
import reactor.core.publisher.Mono;

/**
 * The session's writes that report row counts: {@link Session#flushWithCounts()} and
 * {@link Session#deleteByKeys}, both run as flushes by {@link SessionTransaction} with a {@link FlushCounts}.
 */
final class CountedWrites {
    private final UnitOfWork unitOfWork;
    private final SessionTransaction transaction;

    CountedWrites(UnitOfWork unitOfWork, SessionTransaction transaction) {
        this.unitOfWork = unitOfWork;
        this.transaction = transaction;
    }

    /** A flush, counting the rows each statement wrote. */
    Mono<FlushResult> flush() {
        FlushCounts counts = new FlushCounts();
        return transaction.flush(counts).then(Mono.fromSupplier(counts::result));
    }

    /**
     * Deletes rows by key with their cascades: planned first (bad input fails before anything is sent),
     * then the pending changes are flushed, then the plan runs; emits the root rows deleted.
     */
    Mono<Long> deleteByKeys(Class<?> type, Iterable<?> ids) {
        KeyDeletes.Planned planned = unitOfWork.planDeleteByKeys(type, ids);
        FlushCounts counts = new FlushCounts();
        return transaction.autoflush()
                .then(Mono.defer(() -> transaction.write(planned.plan(), counts)))
                .then(Mono.fromSupplier(() -> counts.result().deleted(planned.rootTable())));
    }
}
