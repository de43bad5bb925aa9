package dev.braid.reactive;

import io.r2dbc.spi.IsolationLevel;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link Mapper#inTransaction(TransactionOptions, java.util.function.Function)} runs: the isolation
 * level, and whether to run the whole unit of work again when the database aborts it with a
 * serialization failure (SQLSTATE 40001) or a deadlock (40P01), which is the documented way to use
 * SERIALIZABLE. A retry runs the work from the start on a new session, so the work must not have side
 * effects outside the database, and a Flux may emit the elements of the failed attempt first.
 */
public record TransactionOptions(IsolationLevel isolation, int retries, Duration backoff) {
    public TransactionOptions {
        if (retries < 0) throw new IllegalArgumentException("retries must be >= 0");
        Objects.requireNonNull(backoff, "backoff");
    }

    /** The database's default isolation, no retries. */
    public static TransactionOptions defaults() {
        return new TransactionOptions(null, 0, Duration.ofMillis(20));
    }

    public TransactionOptions isolation(IsolationLevel level) {
        return new TransactionOptions(level, retries, backoff);
    }

    /** Retry up to {@code times} times on SQLSTATE 40001 and 40P01, with a small growing, jittered pause. */
    public TransactionOptions retrySerializationFailures(int times) {
        return new TransactionOptions(isolation, times, backoff);
    }
}
