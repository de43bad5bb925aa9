package dev.braid.reactive;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.util.Optional;

/**
 * The transactions of a session without a surrounding one: each flush (or group of statements that must be atomic,
 * such as a bulk update that locks, updates and re-reads its rows) runs in a transaction of its own, begun and
 * committed here through the session's {@link TransactionControl}. Remembers whether one is open, so a flush
 * transaction left open by a cancelled operation is rolled back before the next begins, and at the session's end.
 */
final class FlushTransactions {
    private static final Logger LOG = LoggerFactory.getLogger(FlushTransactions.class);

    private final TransactionControl tx;
    // True from BEGIN until COMMIT or ROLLBACK succeeded.
    private volatile boolean open;

    FlushTransactions(TransactionControl tx) {
        this.tx = tx;
    }

    /** Whether a flush transaction is open (its operation was cancelled or failed before it ended). */
    boolean open() {
        return open;
    }

    /**
     * {@code work} in a transaction of its own, after {@code before} (the cleanup of cancelled operations) and after
     * rolling back a flush transaction left open. {@code committed} runs once COMMIT succeeded; {@code abort}
     * (undoing the work's effects on objects) on error or cancel, since the commit may not have happened.
     */
    <T> Mono<T> run(Mono<Void> before, Mono<T> work, Runnable committed, Runnable abort) {
        return before.then(Mono.defer(() -> (open ? rollbackQuietly() : Mono.<Void>empty())
                        .then(Mono.defer(() -> {
                            open = true;
                            return tx.begin();
                        }))))
                .then(work.map(Optional::of).defaultIfEmpty(Optional.empty()))
                .flatMap(result -> tx.commit().then(Mono.fromRunnable(() -> {
                    open = false;
                    committed.run();
                })).thenReturn(result))
                .flatMap(Mono::justOrEmpty)
                .doOnCancel(abort)
                .onErrorResume(error -> {
                    abort.run();
                    return rollbackQuietly().then(Mono.error(error));
                });
    }

    /** Rolls back; a rollback that fails must not hide the error that caused it: logged, and the session goes on to release. */
    Mono<Void> rollbackQuietly() {
        return tx.rollback()
                .doOnSuccess(v -> open = false)
                .onErrorResume(e -> {
                    LOG.warn("Rollback failed; the connection is closed anyway", e);
                    return Mono.empty();
                });
    }
}
