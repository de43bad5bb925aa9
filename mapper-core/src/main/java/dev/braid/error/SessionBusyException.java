package dev.braid.error;

/**
 * An operation was issued to a session while a windowed stream of it ({@code select(...).stream(window)}) was
 * running: such a stream does not read its result into memory, so nothing else can use the connection until it
 * ends. Other overlapping operations wait in the session's queue instead.
 */
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
