package dev.braid.spring.transaction;

import dev.braid.reactive.ExternalTransactions;
import dev.braid.reactive.TransactionParticipant;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import org.springframework.r2dbc.connection.ConnectionFactoryUtils;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

import java.util.function.Function;

/**
 * Joins Braid sessions to the transactions of Spring's {@code R2dbcTransactionManager}: inside a reactive
 * {@code @Transactional} method or a {@code TransactionalOperator}, {@code mapper.withSession(...)} and
 * {@code mapper.inTransaction(...)} run in one Braid session per transaction, on the transaction's connection
 * (the one {@code DatabaseClient} uses), so both see each other's writes and commit or roll back together.
 * Braid flushes at the end of each piece of work and again before Spring commits; its objects follow the
 * outcome. Outside a Spring transaction the mapper opens its own sessions as usual.
 *
 * <pre>{@code
 * Mapper mapper = Mapper.builder(connectionFactory, registry)
 *         .externalTransactions(new SpringTransactions())
 *         .build();
 * }</pre>
 *
 * braid-spring-boot-starter registers it on the mapper it builds ({@code braid.spring-transactions=false} turns
 * it off). The mapper and the transaction manager must use the same {@link ConnectionFactory} instance.
 */
public final class SpringTransactions implements ExternalTransactions {

    /** A bridge with no state of its own: everything lives in Spring's transaction context. */
    public SpringTransactions() {}

    @Override
    public <P extends TransactionParticipant> Mono<P> join(ConnectionFactory factory, Object key,
                                                           Function<Connection, P> participant) {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .onErrorResume(NoTransactionException.class, e -> Mono.empty())
                .filter(TransactionSynchronizationManager::isActualTransactionActive)
                .flatMap(synchronization -> {
                    BraidSynchronization<P> bound = existing(synchronization, key);
                    if (bound != null) {
                        return Mono.just(bound.participant());
                    }
                    // The transaction's own connection: the one DatabaseClient and Spring Data R2DBC use.
                    return ConnectionFactoryUtils.getConnection(factory).map(connection ->
                            bind(synchronization, key, connection, participant));
                });
    }

    @SuppressWarnings("unchecked")
    private static <P extends TransactionParticipant> BraidSynchronization<P> existing(
            TransactionSynchronizationManager synchronization, Object key) {
        return (BraidSynchronization<P>) synchronization.getResource(key);
    }

    // Two pieces of work of one transaction may join at once (zip, merge): the first binds, the other uses it.
    private static <P extends TransactionParticipant> P bind(TransactionSynchronizationManager synchronization,
                                                            Object key, Connection connection,
                                                            Function<Connection, P> participant) {
        synchronized (key) {
            BraidSynchronization<P> bound = existing(synchronization, key);
            if (bound != null) {
                return bound.participant();
            }
            BraidSynchronization<P> created = new BraidSynchronization<>(synchronization, key, participant.apply(connection));
            synchronization.bindResource(key, created);
            synchronization.registerSynchronization(created);
            return created.participant();
        }
    }
}
