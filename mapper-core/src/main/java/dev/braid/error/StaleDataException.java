package dev.braid.error;

/** An UPDATE or DELETE matched no row: someone else changed or deleted it (optimistic locking). */
public final class StaleDataException extends MapperException {
    /**
     * An error with code {@link ErrorCode#BRAID_STALE_DATA}.
     *
     * @param message which row was expected and what the statement matched
     */
    public StaleDataException(String message) {
        super(ErrorCode.BRAID_STALE_DATA, message);
    }
}
