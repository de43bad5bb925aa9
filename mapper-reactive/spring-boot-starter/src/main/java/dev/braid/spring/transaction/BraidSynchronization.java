package dev.braid.spring.transaction;

import dev.braid.reactive.TransactionParticipant;
import org.springframework.core.Ordered;
import org.springframework.r2dbc.connection.ConnectionFactoryUtils;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/**
 * One Braid participant bound to one Spring transaction: flushes it before the commit, lets it finish
 * cancelled reads before COMMIT or ROLLBACK and ends it after completion.
 * Suspended with the transaction (e.g. by a {@code REQUIRES_NEW} call), so the inner transaction gets a
 * participant of its own. Runs before Spring's own connection synchronization.
 */
final class BraidSynchronization<P extends TransactionParticipant> implements TransactionSynchronization, Ordered {
    private final TransactionSynchronizationManager synchronization;
    private final Object key;
    private final P participant;

    BraidSynchronization(TransactionSynchronizationManager synchronization, Object key, P participant) {
        this.synchronization = synchronization;
        this.key = key;
        this.participant = participant;
    }

    P participant() {
        return participant;
    }

    @Override
    public int getOrder() {
        return ConnectionFactoryUtils.CONNECTION_SYNCHRONIZATION_ORDER - 10;
    }

    @Override
    public Mono<Void> suspend() {
        return Mono.fromRunnable(() -> synchronization.unbindResourceIfPossible(key));
    }

    @Override
    public Mono<Void> resume() {
        return Mono.fromRunnable(() -> synchronization.bindResource(key, this));
    }

    @Override
    public Mono<Void> beforeCommit(boolean readOnly) {
        return participant.beforeCommit();
    }

    @Override
    public Mono<Void> beforeCompletion() {
        return participant.beforeCompletion();
    }

    @Override
    public Mono<Void> afterCompletion(int status) {
        // The connection stays the transaction manager's: it releases it in its own cleanup, as it does for
        // DatabaseClient (which also never hands a transactional connection back).
        return participant.afterCompletion(status == STATUS_COMMITTED)
                .then(Mono.<Void>fromRunnable(() -> synchronization.unbindResourceIfPossible(key)))
                .onErrorResume(e -> Mono.empty());
    }
}
