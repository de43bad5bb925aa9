package dev.braid.error;

import org.jspecify.annotations.Nullable;

/**
 * The connection broke while COMMIT was in flight: the database may have committed the transaction
 * before the connection went, or not. Retrying blindly may apply the work twice; check what the
 * database holds (reconcile) first, or make the work idempotent.
 */
public final class CommitOutcomeUnknownException extends ConnectionLostException {
    /**
     * An error with code {@link ErrorCode#BRAID_COMMIT_OUTCOME_UNKNOWN}; its {@link #sql()} is {@code COMMIT}.
     *
     * @param message  what happened and the fix
     * @param sqlState the SQLSTATE that said the connection is gone, or null
     * @param cause    the driver's exception
     */
    public CommitOutcomeUnknownException(String message, @Nullable String sqlState, Throwable cause) {
        this(message, sqlState, 0, cause);
    }

    /**
     * As {@link #CommitOutcomeUnknownException(String, String, Throwable)}, with the database's own error number.
     *
     * @param message    what happened and the fix
     * @param sqlState   the SQLSTATE that said the connection is gone, or null
     * @param vendorCode the database's error number (see {@link #vendorCode()}), 0 when the driver gave none
     * @param cause      the driver's exception
     */
    public CommitOutcomeUnknownException(String message, @Nullable String sqlState, int vendorCode, Throwable cause) {
        super(ErrorCode.BRAID_COMMIT_OUTCOME_UNKNOWN, message, "COMMIT", sqlState, vendorCode, cause);
    }
}
