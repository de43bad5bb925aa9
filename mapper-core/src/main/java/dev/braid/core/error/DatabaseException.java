package dev.braid.core.error;

/**
 * The database rejected a statement. Keeps the SQL, the SQLSTATE and the driver's exception as cause.
 * Bind values are not part of the message (they may be sensitive); enable the
 * {@code dev.braid.binds} logger at TRACE to see them.
 */
public class DatabaseException extends MapperException {
    private final String sql;
    private final String sqlState;

    public DatabaseException(String message, String sql, String sqlState, Throwable cause) {
        this(ErrorCode.BRAID_DATABASE, message, sql, sqlState, cause);
    }

    protected DatabaseException(ErrorCode code, String message, String sql, String sqlState, Throwable cause) {
        super(code, message + " [SQLSTATE " + sqlState + "] while executing: " + sql, cause);
        this.sql = sql;
        this.sqlState = sqlState;
    }

    /** The statement text that failed. */
    public String sql() {
        return sql;
    }

    /** The five-character SQLSTATE reported by the driver, or null if it gave none. */
    public String sqlState() {
        return sqlState;
    }
}
