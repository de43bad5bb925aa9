package dev.braid.error;

/**
 * The connection broke while COMMIT was in flight: the database may have committed the transaction
 * before the connection went, or not. Retrying blindly may apply the work twice; check what the
 * database holds (reconcile) first, or make the work idempotent.
 */
public final class CommitOutcomeUnknownException extends ConnectionLostException {
    public CommitOutcomeUnknownException(String message, String sqlState, Throwable cause) {
        super(ErrorCode.BRAID_COMMIT_OUTCOME_UNKNOWN, message, "COMMIT", sqlState, cause);
    }
}
