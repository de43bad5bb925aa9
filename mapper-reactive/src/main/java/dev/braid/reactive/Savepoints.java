package dev.braid.reactive;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import io.r2dbc.spi.Connection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link Session#nested}: work inside a savepoint of the session's transaction. What is pending is flushed first, so
 * everything unflushed when the savepoint rolls back is the nested work's own; on failure only the savepoint rolls
 * back, the objects revert, and the outer work goes on.
 */
final class Savepoints {
    private Savepoints() {}

    /** {@code work} (which ends with its own flush) inside a savepoint of {@code transaction}. */
    static <T> Flux<T> around(SessionTransaction transaction, Flux<T> work) {
        if (!transaction.transactional()) {
            return Flux.error(new MapperException(ErrorCode.BRAID_ENTITY_STATE, "nested(...) needs a transaction"
                    + " to set a savepoint in. Fix: use mapper.inTransaction(...)"));
        }
        transaction.requireActive();
        Connection connection = transaction.connection();
        String savepoint = transaction.nextName("braid_sp_");
        int flushesBefore = transaction.uncommittedFlushes();
        return transaction.autoflush()
                .then(Mono.defer(() -> Mono.from(connection.createSavepoint(savepoint))))
                .onErrorMap(e -> transaction.errors().exception(e, "SAVEPOINT " + savepoint))
                .thenMany(work)
                .concatWith(Mono.defer(() -> Mono.from(connection.releaseSavepoint(savepoint)))
                        .onErrorMap(e -> transaction.errors().exception(e, "RELEASE SAVEPOINT " + savepoint))
                        .then(Mono.empty()))
                .onErrorResume(error -> Mono.defer(() -> Mono.from(connection.rollbackTransactionToSavepoint(savepoint)))
                        .onErrorMap(e -> transaction.errors().exception(e, "ROLLBACK TO SAVEPOINT " + savepoint))
                        .then(Mono.fromRunnable(() -> transaction.undoFlushesAfter(flushesBefore)))
                        .then(Mono.error(error)));
    }
}
