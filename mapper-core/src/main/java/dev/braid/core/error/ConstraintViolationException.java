package dev.braid.core.error;

/** A statement violated a unique, foreign-key, not-null or check constraint (SQLSTATE class 23). */
public final class ConstraintViolationException extends DatabaseException {
    public ConstraintViolationException(String message, String sql, String sqlState, Throwable cause) {
        super(ErrorCode.BRAID_CONSTRAINT, message, sql, sqlState, cause);
    }
}
