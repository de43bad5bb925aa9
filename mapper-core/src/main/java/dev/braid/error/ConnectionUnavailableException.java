package dev.braid.error;

/**
 * No connection could be obtained: the pool stayed exhausted for the whole acquire timeout, the
 * database could not be reached, or opening a connection failed. Nothing was sent, so running the
 * work again later is safe.
 */
public final class ConnectionUnavailableException extends MapperException {
    /**
     * An error with code {@link ErrorCode#BRAID_CONNECTION_UNAVAILABLE}.
     *
     * @param message what happened and the fix
     * @param cause   the pool's or driver's exception (a timeout, a refused connection)
     */
    public ConnectionUnavailableException(String message, Throwable cause) {
        super(ErrorCode.BRAID_CONNECTION_UNAVAILABLE, message, cause);
    }
}
