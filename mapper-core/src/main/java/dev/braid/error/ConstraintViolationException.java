package dev.braid.error;

/**
 * A statement violated a unique, foreign-key, not-null or check constraint (SQLSTATE class 23). The
 * constraint, table and column are exposed when the driver reports them (PostgreSQL's error fields,
 * H2's message), so a caller can tell a duplicate e-mail from a duplicate user name.
 */
public final class ConstraintViolationException extends DatabaseException {
    private final String constraint;

    public ConstraintViolationException(String message, String sql, String sqlState, Throwable cause) {
        this(message, sql, sqlState, null, null, null, cause);
    }

    /** A violation whose driver named the {@code constraint}, {@code table} and {@code column} (each may be null). */
    public ConstraintViolationException(String message, String sql, String sqlState, String constraint, String table,
                                        String column, Throwable cause) {
        super(ErrorCode.BRAID_CONSTRAINT, message, sql, sqlState, table, column, cause);
        this.constraint = constraint;
    }

    /** The violated constraint's name as the database knows it (e.g. {@code uq_accounts_email}), or null. */
    public String constraint() {
        return constraint;
    }
}
