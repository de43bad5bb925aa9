package dev.braid.reactive;

import dev.braid.dialect.Dialect;
import dev.braid.error.DatabaseException;
import io.r2dbc.spi.R2dbcException;
import reactor.core.publisher.Flux;
import reactor.util.retry.Retry;

/**
 * Runs a transaction again after a serialization failure, deadlock or lock timeout, as the dialect's error classifier
 * reads the SQLSTATE and error number: each attempt's values are buffered, and only those of the attempt that
 * committed reach the subscriber.
 */
final class TransactionRetries {
    private TransactionRetries() {}

    static <T> Flux<T> retried(Flux<T> once, TransactionOptions options, Dialect dialect) {
        return once.collectList()
                .retryWhen(Retry.backoff(options.retries(), options.backoff())
                        .filter(error -> retryable(error, dialect))
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                .flatMapIterable(values -> values);
    }

    static boolean retryable(Throwable error, Dialect dialect) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof DatabaseException db && dialect.errors().kind(db.sqlState()).isRetryable()) {
                return true;
            }
            if (t instanceof R2dbcException r && dialect.errors().kind(r.getSqlState(), r.getErrorCode()).isRetryable()) {
                return true; // the driver's error, the cause: its vendor code tells what its SQLSTATE does not (MariaDB 1205)
            }
        }
        return false;
    }
}
