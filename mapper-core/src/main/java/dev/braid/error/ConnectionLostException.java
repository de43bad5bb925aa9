package dev.braid.error;

import org.jspecify.annotations.Nullable;

/**
 * The connection broke while a statement was running (SQLSTATE class 08, or 57P01-57P03 when the
 * server ends the session): the statement's effect and its open transaction are lost, the database
 * rolls that transaction back. Keeps the SQL, the SQLSTATE and the driver's exception as cause.
 */
public class ConnectionLostException extends DatabaseException {
    /**
     * An error with code {@link ErrorCode#BRAID_CONNECTION_LOST}.
     *
     * @param message  what happened and the fix
     * @param sql      the statement that was running
     * @param sqlState the SQLSTATE that said the connection is gone, or null
     * @param cause    the driver's exception
     */
    public ConnectionLostException(String message, String sql, @Nullable String sqlState, Throwable cause) {
        this(ErrorCode.BRAID_CONNECTION_LOST, message, sql, sqlState, cause);
    }

    /**
     * An error with code {@link ErrorCode#BRAID_CONNECTION_LOST} and the database's own error number.
     *
     * @param message    what happened and the fix
     * @param sql        the statement that was running
     * @param sqlState   the SQLSTATE that said the connection is gone, or null
     * @param vendorCode the database's error number (see {@link #vendorCode()}), 0 when the driver gave none
     * @param cause      the driver's exception
     */
    public ConnectionLostException(String message, String sql, @Nullable String sqlState, int vendorCode, Throwable cause) {
        this(ErrorCode.BRAID_CONNECTION_LOST, message, sql, sqlState, vendorCode, cause);
    }

    /**
     * A lost connection with a more specific code and the database's own error number, for subclasses.
     *
     * @param code       the error code
     * @param message    what happened and the fix
     * @param sql        the statement that was running
     * @param sqlState   the SQLSTATE that said the connection is gone, or null
     * @param vendorCode the database's error number, 0 when the driver gave none
     * @param cause      the driver's exception
     */
    protected ConnectionLostException(ErrorCode code, String message, String sql, @Nullable String sqlState, int vendorCode,
                                      Throwable cause) {
        super(code, message, sql, sqlState, vendorCode, null, null, cause);
    }

    /**
     * A lost connection with a more specific code, for subclasses.
     *
     * @param code     the error code
     * @param message  what happened and the fix
     * @param sql      the statement that was running
     * @param sqlState the SQLSTATE that said the connection is gone, or null
     * @param cause    the driver's exception
     */
    protected ConnectionLostException(ErrorCode code, String message, String sql, @Nullable String sqlState, Throwable cause) {
        super(code, message, sql, sqlState, cause);
    }
}
