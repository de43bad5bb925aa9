package dev.braid.reactive;

import org.jspecify.annotations.Nullable;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.core.internal.util.Require;
import io.r2dbc.spi.IsolationLevel;

import java.time.Duration;
import java.util.Set;

/**
 * How {@link Mapper#inTransaction(TransactionOptions, java.util.function.Function)} runs: the isolation
 * level, and whether to run the whole unit of work again when the database aborts it with a
 * serialization failure or a deadlock (PostgreSQL: SQLSTATE 40001, 40P01; H2: 40001), which is the
 * documented way to use SERIALIZABLE.
 *
 * <p>The level is in force for every transaction of the session (also those begun by
 * {@link Session#commit()} and {@link Session#rollback()}) and on every attempt; on H2 it is set as the
 * session characteristic and reset when the transaction ends, so a pooled connection's next user runs
 * at the default again.
 *
 * <p>With retries, each attempt runs the work from the start on a new session, so the work must not
 * have side effects outside the database; the values the work emits are held back until its
 * transaction has committed, and only the committed attempt's values reach the subscriber.
 *
 * @param isolation the isolation level, or null for the database's default
 * @param retries   how many times the work runs again after a serialization failure or deadlock
 * @param backoff   the first pause before a retry (later ones grow, with jitter)
 */
public record TransactionOptions(@Nullable IsolationLevel isolation, int retries, Duration backoff) {
    private static final Set<IsolationLevel> STANDARD = Set.of(IsolationLevel.READ_UNCOMMITTED,
            IsolationLevel.READ_COMMITTED, IsolationLevel.REPEATABLE_READ, IsolationLevel.SERIALIZABLE);

    /**
     * Checks the options.
     *
     * @param isolation the isolation level, or null for the database's default
     * @param retries   retries after a serialization failure or deadlock, at least 0
     * @param backoff   the first pause before a retry
     * @throws MapperException {@code BRAID_ARGUMENT} for negative retries, a null backoff or an isolation
     *         level other than the four standard ones
     */
    public TransactionOptions {
        Require.argument(retries >= 0, "retrySerializationFailures(n) takes n >= 0, was " + retries);
        Require.nonNull(backoff, "backoff");
        if (isolation != null && !STANDARD.contains(isolation)) {
            throw new MapperException(ErrorCode.BRAID_ARGUMENT, "Unsupported isolation level " + isolation.asSql()
                    + ". Fix: use IsolationLevel.READ_UNCOMMITTED, READ_COMMITTED, REPEATABLE_READ or SERIALIZABLE");
        }
    }

    /**
     * The database's default isolation, no retries.
     *
     * @return the default options (20 ms first backoff)
     */
    public static TransactionOptions defaults() {
        return new TransactionOptions(null, 0, Duration.ofMillis(20));
    }

    /**
     * Runs the transaction at {@code level} (one of the four standard levels).
     *
     * @param level the isolation level, or null for the database's default
     * @return the new options
     * @throws MapperException {@code BRAID_ARGUMENT} for a level other than the four standard ones
     */
    public TransactionOptions isolation(@Nullable IsolationLevel level) {
        return new TransactionOptions(level, retries, backoff);
    }

    /**
     * Retry up to {@code times} times on a serialization failure or deadlock, with a small growing,
     * jittered pause. The work's values are then buffered until COMMIT succeeds (see the class comment).
     *
     * @param times the most retries, at least 0 (0: none)
     * @return the new options
     * @throws MapperException {@code BRAID_ARGUMENT} when {@code times} is negative
     */
    public TransactionOptions retrySerializationFailures(int times) {
        return new TransactionOptions(isolation, times, backoff);
    }
}
