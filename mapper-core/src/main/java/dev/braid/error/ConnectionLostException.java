package dev.braid.error;

/**
 * The connection broke while a statement was running (SQLSTATE class 08, or 57P01-57P03 when the
 * server ends the session): the statement's effect and its open transaction are lost, the database
 * rolls that transaction back. Keeps the SQL, the SQLSTATE and the driver's exception as cause.
 */
public class ConnectionLostException extends DatabaseException {
    public ConnectionLostException(String message, String sql, String sqlState, Throwable cause) {
        this(ErrorCode.BRAID_CONNECTION_LOST, message, sql, sqlState, cause);
    }

    protected ConnectionLostException(ErrorCode code, String message, String sql, String sqlState, Throwable cause) {
        super(code, message, sql, sqlState, cause);
    }
}
