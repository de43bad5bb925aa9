package dev.braid.reactive;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Mono;

import java.util.function.Function;

/**
 * SPI through which a {@link Mapper}'s sessions join transactions that something else manages, e.g. Spring's
 * {@code R2dbcTransactionManager} ({@code dev.braid.spring.transaction.SpringTransactions} in
 * braid-spring-boot-starter). Register one with {@link MapperBuilder#externalTransactions(ExternalTransactions)}.
 *
 * <p>When {@code withSession} or {@code inTransaction} is subscribed, the mapper asks {@link #join}: if a
 * managed transaction is active for the subscriber (found in the Reactor context), the implementation returns
 * the transaction's {@link TransactionParticipant}, creating it on first use with the mapper's
 * {@code participant} function from the transaction's connection and keeping it for the rest of the
 * transaction under {@code key}. The work then runs in that participant's session, on the transaction's
 * connection, without BEGIN, COMMIT or ROLLBACK of Braid's own. The implementation must call the
 * participant's callbacks around the end of the transaction, in this order: {@link
 * TransactionParticipant#beforeCommit()} before committing (not before a rollback), {@link
 * TransactionParticipant#beforeCompletion()} before COMMIT or ROLLBACK is sent, {@link
 * TransactionParticipant#afterCompletion(boolean)} after it, and then release the connection the way the
 * transaction manager expects.
 *
 * <p>Implementations must not block; {@link #join} is called once per {@code withSession}/{@code inTransaction}
 * subscription and should be cheap when no transaction is active.
 */
public interface ExternalTransactions {

    /**
     * The participant of the managed transaction active for the subscriber, created on first use.
     *
     * @param factory     the mapper's connection factory (the transaction must be on a connection of it)
     * @param key         identifies the mapper: one participant per mapper and transaction
     * @param participant makes the mapper's participant from the transaction's connection (called at most once
     *                    per transaction and key)
     * @param <P>         the participant type
     * @return the participant, or empty when no managed transaction is active (the mapper then opens a session
     *         of its own)
     */
    <P extends TransactionParticipant> Mono<P> join(ConnectionFactory factory, Object key,
                                                    Function<Connection, P> participant);
}
