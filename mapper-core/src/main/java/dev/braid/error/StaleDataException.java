package dev.braid.error;

/** An UPDATE or DELETE matched no row: someone else changed or deleted it (optimistic locking). */
public final class StaleDataException extends MapperException {
    public StaleDataException(String message) {
        super(ErrorCode.BRAID_STALE_DATA, message);
    }
}
