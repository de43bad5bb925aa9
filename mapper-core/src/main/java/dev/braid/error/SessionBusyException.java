package dev.braid.error;

/** A session was used by two operations at once, which would corrupt its connection or identity map. */
public final class SessionBusyException extends MapperException {
    /**
     * An error with code {@link ErrorCode#BRAID_SESSION_BUSY}.
     *
     * @param message which operations overlapped and the fix
     */
    public SessionBusyException(String message) {
        super(ErrorCode.BRAID_SESSION_BUSY, message);
    }
}
