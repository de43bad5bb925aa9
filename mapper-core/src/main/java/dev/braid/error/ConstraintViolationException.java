package dev.braid.error;

import org.jspecify.annotations.Nullable;

/**
 * A statement violated a unique, foreign-key, not-null or check constraint (SQLSTATE class 23). The
 * constraint, table and column are exposed when the driver reports them (PostgreSQL's error fields,
 * H2's message), so a caller can tell a duplicate e-mail from a duplicate user name.
 */
public final class ConstraintViolationException extends DatabaseException {
    /** The violated constraint, or null when the driver did not name it. */
    private final @Nullable String constraint;

    /**
     * A violation whose driver named no constraint, table or column; code {@link ErrorCode#BRAID_CONSTRAINT}.
     *
     * @param message  what happened and the fix
     * @param sql      the statement that failed
     * @param sqlState the SQLSTATE (class 23), or null
     * @param cause    the driver's exception
     */
    public ConstraintViolationException(String message, String sql, @Nullable String sqlState, Throwable cause) {
        this(message, sql, sqlState, null, null, null, cause);
    }

    /**
     * A violation whose driver named the constraint, table and column; code {@link ErrorCode#BRAID_CONSTRAINT}.
     *
     * @param message    what happened and the fix
     * @param sql        the statement that failed
     * @param sqlState   the SQLSTATE (class 23), or null
     * @param constraint the violated constraint, or null when not named
     * @param table      the table, or null when not named
     * @param column     the column (several joined with ", "), or null when not named
     * @param cause      the driver's exception
     */
    public ConstraintViolationException(String message, String sql, @Nullable String sqlState, @Nullable String constraint,
                                        @Nullable String table, @Nullable String column, Throwable cause) {
        this(message, sql, sqlState, 0, constraint, table, column, cause);
    }

    /**
     * A violation with the database's own error number (MariaDB 1062, H2 23505; see {@link #vendorCode()}) and the
     * constraint, table and column the driver named; code {@link ErrorCode#BRAID_CONSTRAINT}.
     *
     * @param message    what happened and the fix
     * @param sql        the statement that failed
     * @param sqlState   the SQLSTATE (class 23), or null
     * @param vendorCode the database's error number, 0 when the driver gave none (PostgreSQL)
     * @param constraint the violated constraint, or null when not named
     * @param table      the table, or null when not named
     * @param column     the column (several joined with ", "), or null when not named
     * @param cause      the driver's exception
     */
    public ConstraintViolationException(String message, String sql, @Nullable String sqlState, int vendorCode,
                                        @Nullable String constraint, @Nullable String table, @Nullable String column,
                                        Throwable cause) {
        super(ErrorCode.BRAID_CONSTRAINT, message, sql, sqlState, vendorCode, table, column, cause);
        this.constraint = constraint;
    }

    /**
     * The violated constraint's name as the database knows it (e.g. {@code uq_accounts_email}).
     *
     * @return the constraint's name, or null when the driver did not name it
     */
    public @Nullable String constraint() {
        return constraint;
    }
}
